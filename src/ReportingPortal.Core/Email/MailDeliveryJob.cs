using ReportingPortal.Core.Storage;
using Dapper;
using Hangfire;
using Microsoft.Extensions.Options;
using Npgsql;
using ReportingPortal.Core.Acknowledgements;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.FollowUp;
using ReportingPortal.Core.Forwarding;

namespace ReportingPortal.Core.Email;

/// <summary>
/// A Hangfire job that sends the mail some reports are owed. It takes the reports' ids only, claims each owed
/// email with a lease so that two runs never send the same one, and records every outcome.
/// </summary>
public sealed class MailDeliveryJob(
    NpgsqlDataSource database,
    MailSender sender,
    AcknowledgementMessage acknowledgements,
    ForwardMessage forwards,
    IOptions<ForwardingOptions> forwarding,
    ReminderMessage reminders,
    ReporterNoticeMessage reporterNotices,
    ReplyNoticeMessage replyNotices,
    IOptions<DeliveryOptions> options,
    ILogger<MailDeliveryJob> logger)
{
    private sealed record OwedEmail(long Id, long ReportId, DeliveryKind Kind, string? Queue, string? Recipient, string? Topic, DateTime CreatedAt);

    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [2, 10, 60])]
    public async Task Deliver(long[] reportIds, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var owed = (await connection.QueryAsync<OwedEmail>(new CommandDefinition("""
            select id, report_id as ReportId, kind, queue, recipient, topic, created_at as CreatedAt from mail_deliveries
            where report_id = any(@reportIds) and status = @Pending and next_attempt_at <= now()
              and (claimed_until is null or claimed_until < now())
            order by priority_rank, id
            """, new { reportIds, Pending = DeliveryStatus.Pending.Stored() }, cancellationToken: cancellationToken))).ToList();
        if (owed.Count == 0)
            return;

        var reports = await ReportForMail.Load(connection, owed.Select(email => email.ReportId).Distinct().ToArray(), cancellationToken);
        var dueTimes = owed.Any(email => email.Kind == DeliveryKind.Reminder)
            ? await CaseDueTimes.Load(connection, owed.Select(email => email.ReportId).Distinct().ToArray(), cancellationToken)
            : [];
        foreach (var email in owed)
        {
            var report = reports.GetValueOrDefault(email.ReportId)
                         ?? throw new InvalidOperationException($"Report {email.ReportId} has mail owed but does not exist.");
            if (!await Claim(connection, email, cancellationToken))
                continue;
            var address = email.Kind switch
            {
                DeliveryKind.Acknowledgement => report.ContactEmail,
                DeliveryKind.ReporterNotice => ReporterNoticeMessage.AddressOf(report),
                _ => email.Recipient,
            };
            if (address is null)
            {
                await Record(connection, email, new DeliveryFailure(true, "no address"), cancellationToken);
                continue;
            }
            var message = email.Kind switch
            {
                DeliveryKind.Acknowledgement => acknowledgements.Build(report, address),
                DeliveryKind.Forward => forwards.Build(report, QueueNamed(email.Queue), email.Queue!, address),
                DeliveryKind.Referral => forwards.Build(report, QueueNamed(email.Queue), email.Queue!, address,
                    await ReferralForMail.Load(connection, email.Topic, cancellationToken)),
                DeliveryKind.Reminder => reminders.Build(report.Reference, report.Priority, ReminderTopic.Parse(email.Topic!),
                    dueTimes[email.ReportId], QueueNamed(email.Queue), address),
                DeliveryKind.ReporterNotice => reporterNotices.Build(report, MessageIdOf(email), address),
                DeliveryKind.ReplyNotice => replyNotices.Build(report.Reference, report.Priority, QueueNamed(email.Queue), address, MessageIdOf(email)),
                _ => throw new InvalidOperationException($"Mail delivery {email.Id} is of an unknown kind."),
            };
            try
            {
                await sender.Send(message, cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                await Record(connection, email, DeliveryFailure.From(exception), cancellationToken);
                continue;
            }
            await connection.ExecuteAsync(new CommandDefinition("""
                update mail_deliveries
                set status = @Sent, sent_at = now(), attempts = attempts + 1, claimed_until = null, last_error = null
                where id = @Id
                """, new { email.Id, Sent = DeliveryStatus.Sent.Stored() }, cancellationToken: CancellationToken.None));
        }
    }

    /// <summary>The case message a notice is about: its topic.</summary>
    private static long MessageIdOf(OwedEmail email) =>
        long.Parse(email.Topic ?? throw new InvalidOperationException($"Mail delivery {email.Id} names no message."), System.Globalization.CultureInfo.InvariantCulture);

    private ForwardingQueue? QueueNamed(string? name) => forwarding.Value.Queues.FirstOrDefault(queue => queue.Name == name);

    /// <summary>Takes the email for this run; false when another run has it or it is no longer owed.</summary>
    private async Task<bool> Claim(NpgsqlConnection connection, OwedEmail email, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition("""
            update mail_deliveries set claimed_until = now() + @Lease
            where id = @Id and status = @Pending and (claimed_until is null or claimed_until < now())
            """, new { email.Id, Pending = DeliveryStatus.Pending.Stored(), Lease = options.Value.ClaimLease }, cancellationToken: cancellationToken)) == 1;

    private async Task Record(NpgsqlConnection connection, OwedEmail email, DeliveryFailure failure, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var attempts = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "select attempts + 1 from mail_deliveries where id = @Id", new { email.Id }, cancellationToken: cancellationToken));
        var retryAfter = TimeSpan.FromTicks(Math.Min(
            settings.MaxRetryAfter.Ticks, settings.FirstRetryAfter.Ticks * (1L << Math.Min(attempts - 1, 20))));
        var givingUp = failure.Permanent || DateTime.UtcNow + retryAfter > email.CreatedAt.ToUniversalTime() + settings.RetryFor;

        if (givingUp)
        {
            logger.LogError("Mail delivery {DeliveryId} ({Kind}) failed for good after {Attempts} attempts: {Failure}",
                email.Id, email.Kind, attempts, failure.Description);
            await connection.ExecuteAsync(new CommandDefinition("""
                update mail_deliveries
                set status = @Failed, failed_at = now(), attempts = @attempts, claimed_until = null, last_error = @Error
                where id = @Id
                """, new { email.Id, Failed = DeliveryStatus.Failed.Stored(), attempts, Error = failure.Description }, cancellationToken: CancellationToken.None));
            return;
        }

        logger.LogWarning("Mail delivery {DeliveryId} ({Kind}) failed ({Failure}); retrying in {RetryAfter}",
            email.Id, email.Kind, failure.Description, retryAfter);
        await connection.ExecuteAsync(new CommandDefinition("""
            update mail_deliveries
            set attempts = @attempts, next_attempt_at = now() + @retryAfter, enqueued_at = null, claimed_until = null,
                last_error = @Error
            where id = @Id
            """, new { email.Id, attempts, retryAfter, Error = failure.Description }, cancellationToken: CancellationToken.None));
    }
}
