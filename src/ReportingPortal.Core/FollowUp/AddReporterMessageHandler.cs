using System.Globalization;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using ReportingPortal.Core.Audit;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Encryption;
using ReportingPortal.Core.Forwarding;
using ReportingPortal.Core.Reports;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.FollowUp;

/// <summary>
/// Stores a reporter's answer or added information on an open case, in one transaction with a content-free notice
/// owed to the case's owner (or, while nobody owns it, to every address of its queues) and its audit line.
/// </summary>
public sealed class AddReporterMessageHandler(
    NpgsqlDataSource database,
    KeyRing keys,
    ReporterReplyValidator validator,
    TimeProvider clock,
    IOptions<ForwardingOptions> forwarding)
{
    // A class, not a positional record: Dapper maps a text[] column to a property only.
    private sealed class Case
    {
        public CaseStatus Status { get; init; }
        public Priority Priority { get; init; }
        public ReporterRole ReporterRole { get; init; }
        public string? OwnerEmail { get; init; }
        public string[] Queues { get; init; } = [];
        public string Reference { get; init; } = "";
        public string? KeyId { get; init; }
        public byte[]? DataKey { get; init; }
    }

    public async Task<ReplyResult> Handle(long reportId, ReporterReply reply, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var found = await connection.QuerySingleOrDefaultAsync<Case>(new CommandDefinition("""
            select c.status, c.priority_rank as Priority, r.reporter_role as ReporterRole, owner.email as OwnerEmail, c.queues,
                   r.reference, r.key_id as KeyId, r.data_key as DataKey
            from cases c
            join reports r on r.id = c.report_id
            -- A disabled owner has left: the queues are told instead, so the answer is not missed.
            left join accounts owner on owner.id = c.owner_account_id and owner.disabled_at is null
            where c.report_id = @reportId
            for update of c
            """, new { reportId }, transaction, cancellationToken: cancellationToken));
        if (found is null)
            return ReplyResult.Of(ReplyOutcome.NotFound);
        if (found is not { Status: not CaseStatus.Closed, KeyId: not null, DataKey: not null })
            return ReplyResult.Of(ReplyOutcome.Closed);

        reply.FromAChild = found.ReporterRole.IsChild();
        reply.Clean();
        var failures = validator.Validate(reply).Errors;
        if (failures.Count > 0)
            return new ReplyResult(ReplyOutcome.Invalid, failures
                .GroupBy(failure => failure.PropertyName)
                .ToDictionary(field => field.Key, field => field.First().ErrorMessage));

        var messageId = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            insert into case_messages (report_id, direction, content, created_at)
            values (@reportId, @FromReporter, @Content, @now)
            returning id
            """, new
            {
                reportId, FromReporter = MessageDirection.FromReporter.Stored(), now,
                Content = keys.Open(found.Reference, found.KeyId, found.DataKey)
                    .Seal(new MessageContent(reply.Message ?? "", reply.UrlList().ToArray()), SealedPurpose.CaseMessage),
            }, transaction, cancellationToken: cancellationToken));

        var recipients = CaseRecipients.For(found.OwnerEmail, found.Queues, forwarding.Value);
        await connection.ExecuteAsync(new CommandDefinition("""
            insert into mail_deliveries (report_id, kind, queue, recipient, topic, priority, priority_rank)
            select @reportId, @ReplyNotice, queue, recipient, @Topic, @Priority, @Rank
            from unnest(@Queues, @Recipients) as owed (queue, recipient)
            on conflict do nothing;
            update cases set updated_at = @now where report_id = @reportId;
            """, new
            {
                reportId, ReplyNotice = DeliveryKind.ReplyNotice.Stored(),
                Queues = recipients.Select(recipient => recipient.Queue).ToArray(),
                Recipients = recipients.Select(recipient => recipient.Address).ToArray(),
                Topic = messageId.ToString(CultureInfo.InvariantCulture),
                Priority = found.Priority.Stored(), Rank = found.Priority.Rank(), now,
            }, transaction, cancellationToken: cancellationToken));
        await AuditLog.Write(connection, transaction, new AuditEntry(AuditAction.ReporterReplied, null, reportId), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ReplyResult.Of(ReplyOutcome.Sent);
    }
}
