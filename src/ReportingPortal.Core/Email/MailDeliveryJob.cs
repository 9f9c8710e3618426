using ReportingPortal.Core.Storage;
using Dapper;
using Hangfire;
using Microsoft.Extensions.Options;
using Npgsql;
using ReportingPortal.Core.Acknowledgements;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.Encryption;
using ReportingPortal.Core.FollowUp;
using ReportingPortal.Core.Forwarding;
using ReportingPortal.Core.Linking;
using ReportingPortal.Core.Monitoring;
using ReportingPortal.Core.Screening;

namespace ReportingPortal.Core.Email;

/// <summary>
/// A Hangfire job that sends emails the dispatcher handed out. It takes their ids and the hand-out's token only, sends
/// only those still pending and still holding that token (so a job that starts after its mail was handed out again does
/// nothing), one run of a job at a time (a second run finds only what the first neither sent nor recorded a failure
/// for), renews their lease when it runs short, and records every outcome. The lease is the one taken at hand-out: a job
/// does not take its emails again.
/// It runs synchronously on the job server's own thread, as <see cref="MailSender"/> sends.
/// </summary>
public sealed class MailDeliveryJob(
    NpgsqlDataSource database,
    KeyRing keys,
    MailSender sender,
    SentMailRecorder sentMail,
    AcknowledgementMessage acknowledgements,
    ForwardMessage forwards,
    ForwardEncryption encryption,
    IOptions<ForwardingOptions> forwarding,
    IOptions<LinkingOptions> linking,
    ReminderMessage reminders,
    ReporterNoticeMessage reporterNotices,
    ReplyNoticeMessage replyNotices,
    ScreeningDigestMessage screeningDigests,
    IOptions<DeliveryOptions> options,
    IOptions<SmtpOptions> smtp,
    PortalMetrics metrics,
    ILogger<MailDeliveryJob> logger)
{
    // The advisory lock space of delivery runs; the second key is the job's first email's id.
    private const int RunLockSpace = 0x52500002;

    /// <param name="LeaseLeft">How long its lease runs on, by the database's clock.</param>
    private sealed record OwedEmail(long Id, long ReportId, DeliveryKind Kind, string? Queue, string? Recipient, string? Topic,
        DateTime CreatedAt, int Attempts, TimeSpan LeaseLeft);

    /// <summary>
    /// The job as it was queued before emails were handed out with a token. Such a job may still wait in the queue after
    /// an upgrade; it does nothing, because its mail carries no token and the dispatcher hands it out again.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    public Task Deliver(long[] reportIds, CancellationToken cancellationToken) => Task.CompletedTask;

    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [2, 10, 60])]
    public void Deliver(long[] deliveryIds, Guid claim, CancellationToken cancellationToken)
    {
        if (deliveryIds.Length == 0)
            return;
        using var connection = database.OpenConnection();
        // One run of a job at a time: Hangfire runs a job at least once, and a second run of the same job while the first
        // still works must not send the same emails. The lock is named by the job's first email (the jobs of a hand-out
        // share its token, not their emails) and held by the connection's session, so it ends with the worker too.
        var runLock = new { RunLockSpace, Run = unchecked((int)deliveryIds[0]) };
        if (!connection.ExecuteScalar<bool>(new CommandDefinition("select pg_try_advisory_lock(@RunLockSpace, @Run)", runLock,
                cancellationToken: cancellationToken)))
            return;
        try
        {
            Deliver(connection, deliveryIds, claim, cancellationToken);
        }
        finally
        {
            try
            {
                connection.Execute("select pg_advisory_unlock(@RunLockSpace, @Run)", runLock);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                // A session that cannot give the lock back must not go back to the pool holding it: the job's next run
                // would find it taken. The pool closes its connections, this one when it is returned.
                NpgsqlConnection.ClearPool(connection);
            }
        }
    }

    private void Deliver(NpgsqlConnection connection, long[] deliveryIds, Guid claim, CancellationToken cancellationToken)
    {
        // The emails still owed under this hand-out's lease, read, not taken again: the hand-out took them.
        var (owed, leaseEnds) = StillHeld(connection, deliveryIds, claim, cancellationToken);
        if (owed.Count == 0)
            return;

        var reportIds = owed.Select(email => email.ReportId).Distinct().ToArray();
        var forwardsOwed = owed.Any(email => email.Kind is DeliveryKind.Forward or DeliveryKind.Referral);
        var reports = ReportForMail.Load(connection, keys, reportIds, cancellationToken, forwardsOwed ? linking.Value.Window : null)
            .GetAwaiter().GetResult();
        var dueTimes = owed.Any(email => email.Kind == DeliveryKind.Reminder)
            ? CaseDueTimes.Load(connection, reportIds, cancellationToken).GetAwaiter().GetResult()
            : [];
        // Enough lease left for connecting, sending and one more try on a fresh connection.
        var leaseNeeded = TimeSpan.FromSeconds(3 * smtp.Value.TimeoutSeconds + 5);
        var held = owed.Select(email => email.Id).ToHashSet();
        for (var i = 0; i < owed.Count; i++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                // A stopping worker stops between emails and gives the rest back, for another worker to send at once.
                MailLease.GiveBack(database, owed.Skip(i).Select(e => e.Id).ToArray(), claim).GetAwaiter().GetResult();
                cancellationToken.ThrowIfCancellationRequested();
            }
            var email = owed[i];
            if (!held.Contains(email.Id))
                continue;
            var report = reports.GetValueOrDefault(email.ReportId)
                         ?? throw new InvalidOperationException($"Report {email.ReportId} has mail owed but does not exist.");
            var address = email.Kind switch
            {
                DeliveryKind.Acknowledgement => report.ContactEmail,
                DeliveryKind.ReporterNotice => ReporterNoticeMessage.AddressOf(report),
                _ => email.Recipient,
            };
            if (address is null)
            {
                Record(connection, email, new DeliveryFailure(true, "no address"));
                continue;
            }
            // Built before a connection is taken, so building overlaps other jobs' sends.
            var message = email.Kind switch
            {
                DeliveryKind.Acknowledgement => acknowledgements.Build(report, address),
                DeliveryKind.Forward => forwards.Build(report, QueueNamed(email.Queue), email.Queue!, address),
                DeliveryKind.Referral => forwards.Build(report, QueueNamed(email.Queue), email.Queue!, address,
                    ReferralForMail.Load(connection, keys, email.Topic, cancellationToken).GetAwaiter().GetResult()),
                DeliveryKind.Reminder => reminders.Build(report.Reference, report.Priority, ReminderTopic.Parse(email.Topic!),
                    dueTimes[email.ReportId], QueueNamed(email.Queue), address),
                DeliveryKind.ReporterNotice => reporterNotices.Build(report, MessageIdOf(email), address),
                DeliveryKind.ReplyNotice => replyNotices.Build(report.Reference, report.Priority, QueueNamed(email.Queue), address, MessageIdOf(email)),
                DeliveryKind.ScreeningDigest => screeningDigests.Build(connection, email.Topic, QueueNamed(email.Queue), email.Queue!, address, cancellationToken),
                _ => throw new InvalidOperationException($"Mail delivery {email.Id} is of an unknown kind."),
            };
            // Mail to responders is encrypted to their queue's key when it has one; the reporter's mail never is.
            if (email.Kind is not (DeliveryKind.Acknowledgement or DeliveryKind.ReporterNotice)
                && encryption.Encrypt(message, email.Queue, address, cancellationToken) is { } refused)
            {
                Record(connection, email, refused);
                continue;
            }

            using var smtpConnection = sender.Take(cancellationToken);
            // Waiting for a connection may have taken long: the lease must cover the send that follows.
            if (leaseEnds - DateTime.UtcNow < leaseNeeded)
            {
                (var stillHeld, leaseEnds) = Renew(connection, owed.Skip(i).Select(e => e.Id).ToArray(), claim, cancellationToken);
                held = stillHeld.Select(e => e.Id).ToHashSet();
                if (!held.Contains(email.Id))
                    continue;
            }
            try
            {
                // Not cancelled when the worker stops: cut off after the server took it, an email would be sent again.
                smtpConnection.Send(message, CancellationToken.None);
            }
            catch (Exception exception)
            {
                smtpConnection.Dispose();
                Record(connection, email, DeliveryFailure.From(exception));
                continue;
            }
            // Recorded (with the other senders' in one statement) before this connection sends anything else: at most
            // one email per connection is accepted by the server and not yet recorded.
            sentMail.Record(email.Id);
            metrics.EmailSent(email.Kind, report.ReceivedAt);
        }
    }

    /// <summary>Those of the emails still pending under token <paramref name="claim"/>, as <see cref="InOrder"/> gives them.</summary>
    private static (List<OwedEmail> Held, DateTime LeaseEnds) StillHeld(NpgsqlConnection connection, long[] deliveryIds, Guid claim,
        CancellationToken cancellationToken) =>
        InOrder(deliveryIds, connection.Query<OwedEmail>(new CommandDefinition($"""
            select {OwedColumns} from mail_deliveries
            where id = any(@deliveryIds) and claim_token = @claim and status = @Pending
            """, new { deliveryIds, claim, Pending = DeliveryStatus.Pending.Stored() }, cancellationToken: cancellationToken)));

    /// <summary>
    /// Extends the lease of those of the emails still pending under token <paramref name="claim"/> (the dispatcher hands an
    /// email whose lease ended out again under another), and returns them as <see cref="InOrder"/> gives them.
    /// </summary>
    private (List<OwedEmail> Held, DateTime LeaseEnds) Renew(NpgsqlConnection connection, long[] deliveryIds, Guid claim,
        CancellationToken cancellationToken) =>
        InOrder(deliveryIds, connection.Query<OwedEmail>(new CommandDefinition($"""
            update mail_deliveries set claimed_until = now() + @lease
            where id = any(@deliveryIds) and claim_token = @claim and status = @Pending
            returning {OwedColumns}
            """, new { deliveryIds, claim, lease = options.Value.ClaimLease, Pending = DeliveryStatus.Pending.Stored() },
            cancellationToken: cancellationToken)));

    private const string OwedColumns =
        "id, report_id as ReportId, kind, queue, recipient, topic, created_at as CreatedAt, attempts, claimed_until - now() as LeaseLeft";

    /// <summary>
    /// The emails found, in the order of <paramref name="deliveryIds"/>, with when their lease ends at the earliest (the
    /// database's reckoning of what is left, counted from now on this machine's clock).
    /// </summary>
    private static (List<OwedEmail> Held, DateTime LeaseEnds) InOrder(long[] deliveryIds, IEnumerable<OwedEmail> found)
    {
        var now = DateTime.UtcNow;
        var emails = found.ToDictionary(email => email.Id);
        var leaseEnds = now + (emails.Count == 0 ? TimeSpan.Zero : emails.Values.Min(email => email.LeaseLeft));
        return (deliveryIds.Where(emails.ContainsKey).Select(id => emails[id]).ToList(), leaseEnds);
    }

    /// <summary>The case message a notice is about: its topic.</summary>
    private static long MessageIdOf(OwedEmail email) =>
        long.Parse(email.Topic ?? throw new InvalidOperationException($"Mail delivery {email.Id} names no message."), System.Globalization.CultureInfo.InvariantCulture);

    private ForwardingQueue? QueueNamed(string? name) => forwarding.Value.Queues.FirstOrDefault(queue => queue.Name == name);

    private void Record(NpgsqlConnection connection, OwedEmail email, DeliveryFailure failure)
    {
        var settings = options.Value;
        var attempts = email.Attempts + 1;
        var retryAfter = TimeSpan.FromTicks(Math.Min(
            settings.MaxRetryAfter.Ticks, settings.FirstRetryAfter.Ticks * (1L << Math.Min(attempts - 1, 20))));
        var givingUp = failure.Permanent || DateTime.UtcNow + retryAfter > email.CreatedAt.ToUniversalTime() + settings.RetryFor;

        if (givingUp)
        {
            logger.LogError("Mail delivery {DeliveryId} ({Kind}) failed for good after {Attempts} attempts: {Failure}",
                email.Id, email.Kind, attempts, failure.Description);
            metrics.EmailFailed(email.Kind);
            connection.Execute(new CommandDefinition("""
                update mail_deliveries
                set status = @Failed, failed_at = now(), attempts = @attempts, claimed_until = null, claim_token = null,
                    last_error = @Error
                where id = @Id
                """, new { email.Id, Failed = DeliveryStatus.Failed.Stored(), attempts, Error = failure.Description }, cancellationToken: CancellationToken.None));
            return;
        }

        logger.LogWarning("Mail delivery {DeliveryId} ({Kind}) failed ({Failure}); retrying in {RetryAfter}",
            email.Id, email.Kind, failure.Description, retryAfter);
        metrics.EmailRetried(email.Kind);
        connection.Execute(new CommandDefinition("""
            update mail_deliveries
            set attempts = @attempts, next_attempt_at = now() + @retryAfter, claimed_until = null, claim_token = null,
                last_error = @Error
            where id = @Id
            """, new { email.Id, attempts, retryAfter, Error = failure.Description }, cancellationToken: CancellationToken.None));
    }
}
