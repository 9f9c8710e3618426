using Dapper;
using Npgsql;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Email;

/// <summary>Reads the outbox for operators: mail that is still owed and mail that failed for good.</summary>
public sealed class MailStatusQuery(NpgsqlDataSource database)
{
    public async Task<MailStatus> Read(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var counts = await connection.QueryAsync<MailStatus.StatusCount>(new CommandDefinition(
            "select status, count(*) as count from mail_deliveries group by status order by status",
            cancellationToken: cancellationToken));
        var failed = await connection.QueryAsync<MailStatus.FailedEmail>(new CommandDefinition("""
            select r.reference, d.kind, d.queue, d.recipient, d.attempts, d.last_error as LastError, d.failed_at as FailedAt
            from mail_deliveries d join reports r on r.id = d.report_id
            where d.status = @Failed order by d.failed_at desc limit 200
            """, new { Failed = DeliveryStatus.Failed.Stored() }, cancellationToken: cancellationToken));
        var retrying = await connection.QueryAsync<MailStatus.RetryingEmail>(new CommandDefinition("""
            select r.reference, d.kind, d.queue, d.attempts, d.last_error as LastError, d.next_attempt_at as NextAttemptAt
            from mail_deliveries d join reports r on r.id = d.report_id
            where d.status = @Pending and d.attempts > 0 order by d.next_attempt_at limit 200
            """, new { Pending = DeliveryStatus.Pending.Stored() }, cancellationToken: cancellationToken));
        return new MailStatus(counts.ToList(), failed.ToList(), retrying.ToList());
    }
}
