using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using ReportingPortal.Core.Audit;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Encryption;
using ReportingPortal.Core.Forwarding;
using ReportingPortal.Core.Linking;

namespace ReportingPortal.Core.Cases;

/// <summary>
/// Cases as forward documents (<see cref="ForwardDocument"/>), outside the email: one case from its page, for an account
/// that may see it, and the cases of a queue received in a period for the bulk export. Both are audited; the audit line
/// names the queue, the period and how many, never what a report says.
/// </summary>
public sealed class CaseDocuments(NpgsqlDataSource database, KeyRing keys, IOptions<ConsoleOptions> console, IOptions<ForwardingOptions> forwarding,
    IOptions<LinkingOptions> linking)
{
    /// <summary>Reports unsealed at a time during an export: a year of a queue never sits in memory at once.</summary>
    public const int BatchSize = 100;

    /// <summary>The case's document for an account of one of its queues, that queue named in it; null (and the refusal audited) otherwise.</summary>
    public async Task<ForwardDocument?> OfCase(string reference, long accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var access = await CaseAccess.Load(connection, null, reference, accountId, lockCase: false, cancellationToken);
        if (access is not { IsMember: true })
        {
            await AuditLog.Write(connection, null, new AuditEntry(AuditAction.CaseViewRefused, accountId, access?.ReportId), cancellationToken);
            return null;
        }
        var queue = await connection.QueryFirstAsync<string>(new CommandDefinition("""
            select cq.queue from case_queues cq join account_queues aq on aq.queue = cq.queue and aq.account_id = @accountId
            where cq.report_id = @ReportId order by cq.added_at, cq.queue
            """, new { accountId, access.ReportId }, cancellationToken: cancellationToken));
        await AuditLog.Write(connection, null, new AuditEntry(AuditAction.CaseDocumentDownloaded, accountId, access.ReportId, Detail: queue), cancellationToken);
        var report = (await ReportForMail.Load(connection, keys, [access.ReportId], cancellationToken, linking.Value.Window))[access.ReportId];
        return Document(report, queue);
    }

    /// <summary>Audits the export of <paramref name="queue"/>'s cases received in [start, end) and returns how many there are.</summary>
    public async Task<int> AuditExport(long accountId, string queue, DateOnly from, DateOnly to, string format, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var count = await connection.ExecuteScalarAsync<int>(new CommandDefinition("""
            select count(*) from reports r join cases c on c.report_id = r.id
            where c.queues @> array[@queue] and r.received_at >= @Start and r.received_at < @End
            """, new { queue, Start = Start(from), End = End(to) }, cancellationToken: cancellationToken));
        await AuditLog.Write(connection, null, new AuditEntry(AuditAction.CasesExported, accountId,
            Detail: $"queue {queue}, {from:yyyy-MM-dd} to {to:yyyy-MM-dd}, {count} cases, {format}"), cancellationToken);
        return count;
    }

    /// <summary>The documents of <paramref name="queue"/>'s cases received from <paramref name="from"/> to <paramref name="to"/> (whole UTC days), oldest first, read a batch at a time.</summary>
    public async IAsyncEnumerable<ForwardDocument> OfQueue(string queue, DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var after = (At: DateTimeOffset.MinValue, Id: 0L);
        while (true)
        {
            var batch = (await connection.QueryAsync<(long Id, DateTime ReceivedAt)>(new CommandDefinition("""
                select r.id, r.received_at from reports r join cases c on c.report_id = r.id
                where c.queues @> array[@queue] and r.received_at >= @Start and r.received_at < @End
                  and (r.received_at, r.id) > (@AfterAt, @AfterId)
                order by r.received_at, r.id limit @BatchSize
                """, new { queue, Start = Start(from), End = End(to), AfterAt = after.At, AfterId = after.Id, BatchSize },
                cancellationToken: cancellationToken))).ToList();
            if (batch.Count == 0)
                yield break;
            var ids = batch.Select(row => row.Id).ToArray();
            var reports = await ReportForMail.Load(connection, keys, ids, cancellationToken, linking.Value.Window);
            foreach (var id in ids)
                yield return Document(reports[id], queue);
            if (batch.Count < BatchSize)
                yield break;
            after = (ForwardDocument.Utc(batch[^1].ReceivedAt), batch[^1].Id);
        }
    }

    private ForwardDocument Document(ReportForMail report, string queue) =>
        ForwardDocument.Of(report, new ForwardDocument.QueueSection(queue, forwarding.Value.DisplayNameOf(queue)), console.Value.CaseLink(report.Reference));

    private static DateTimeOffset Start(DateOnly from) => new(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static DateTimeOffset End(DateOnly to) => new(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
