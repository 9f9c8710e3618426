using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.Encryption;
using ReportingPortal.Core.Forwarding;
using ReportingPortal.Core.Reports;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.FollowUp;

/// <summary>Reads <see cref="ReporterView"/>: the report's reference, date and status, and the messages both ways.</summary>
public sealed class ReporterViewQuery(NpgsqlDataSource database, KeyRing keys, TimeProvider clock, IOptions<ForwardingOptions> forwarding)
{
    private sealed class Row
    {
        public string Reference { get; init; } = "";
        public DateTime ReceivedAt { get; init; }
        public string Language { get; init; } = "";
        public ReporterRole ReporterRole { get; init; }
        public CaseStatus Status { get; init; }
        public bool Owned { get; init; }
        public string? Outcome { get; init; }
        public bool OutcomeShared { get; init; }
        public string? ReferredTo { get; init; }
        public string? KeyId { get; init; }
        public byte[]? DataKey { get; init; }
        public bool ContentDeleted { get; init; }
    }

    private sealed record SealedMessage(MessageDirection Direction, byte[] Content, DateTime CreatedAt);

    /// <param name="markRead">The reporter is reading it: messages to them not read yet are marked read now.</param>
    public async Task<ReporterView?> Read(long reportId, bool markRead, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition("""
            select r.reference, r.received_at as ReceivedAt, r.language, r.reporter_role as ReporterRole,
                   coalesce(c.status, @New) as Status, c.owner_account_id is not null as Owned, c.outcome,
                   coalesce(c.outcome_shared, false) as OutcomeShared,
                   (select f.queue from referrals f where f.report_id = r.id order by f.id desc limit 1) as ReferredTo,
                   r.key_id as KeyId, r.data_key as DataKey, r.content_deleted_at is not null as ContentDeleted
            from reports r left join cases c on c.report_id = r.id
            where r.id = @reportId
            """, new { reportId, New = CaseStatus.New.Stored() }, cancellationToken: cancellationToken));
        if (row is null)
            return null;
        if (markRead)
            await connection.ExecuteAsync(new CommandDefinition("""
                update case_messages set read_at = @Now
                where report_id = @reportId and direction = @ToReporter and read_at is null
                """, new { reportId, Now = clock.GetUtcNow(), ToReporter = MessageDirection.ToReporter.Stored() },
                cancellationToken: cancellationToken));
        var sealedMessages = await connection.QueryAsync<SealedMessage>(new CommandDefinition("""
            select direction, content, created_at as CreatedAt from case_messages where report_id = @reportId order by id
            """, new { reportId }, cancellationToken: cancellationToken));
        var key = row is { KeyId: not null, DataKey: not null } ? keys.Open(row.Reference, row.KeyId, row.DataKey) : null;
        var messages = key is null ? [] : sealedMessages.Select(message =>
        {
            var content = key.Open<MessageContent>(message.Content, SealedPurpose.CaseMessage);
            return new ReporterMessage { Direction = message.Direction, Body = content.Body, Urls = content.Urls, CreatedAt = message.CreatedAt };
        }).ToList();

        var status = row.Status switch
        {
            CaseStatus.Closed => ReporterStatus.Closed,
            CaseStatus.Referred => ReporterStatus.PassedOn,
            CaseStatus.InProgress => ReporterStatus.BeingLookedAt,
            _ when row.Owned => ReporterStatus.BeingLookedAt,
            _ => ReporterStatus.Received,
        };
        return new ReporterView(
            row.Reference,
            row.ReceivedAt,
            row.Language,
            ForAChild: row.ReporterRole.IsChild(),
            status,
            PassedTo: status == ReporterStatus.PassedOn ? SectorOf(row.ReferredTo) : null,
            Outcome: status == ReporterStatus.Closed && row.OutcomeShared ? row.Outcome : null,
            messages,
            row.ContentDeleted);
    }

    private Sector SectorOf(string? queue) =>
        forwarding.Value.Queues.FirstOrDefault(candidate => candidate.Name == queue)?.Sector ?? Sector.Other;
}
