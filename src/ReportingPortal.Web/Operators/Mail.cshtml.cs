using ReportingPortal.Core.Storage;
using Dapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using ReportingPortal.Core.Email;

namespace ReportingPortal.Web.Operators;

/// <summary>Mail that is still owed and mail that failed for good, for operators to act on.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class MailModel(NpgsqlDataSource database) : PageModel
{
    public sealed record StatusCount(DeliveryStatus Status, long Count);

    public sealed record FailedEmail(string Reference, DeliveryKind Kind, string? Queue, string? Recipient, int Attempts,
        string? LastError, DateTime FailedAt);

    public sealed record RetryingEmail(string Reference, DeliveryKind Kind, string? Queue, int Attempts, string? LastError,
        DateTime NextAttemptAt);

    public IReadOnlyList<StatusCount> Counts { get; private set; } = [];
    public IReadOnlyList<FailedEmail> Failed { get; private set; } = [];
    public IReadOnlyList<RetryingEmail> Retrying { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        Counts = (await connection.QueryAsync<StatusCount>(new CommandDefinition(
            "select status, count(*) as count from mail_deliveries group by status order by status",
            cancellationToken: cancellationToken))).ToList();
        Failed = (await connection.QueryAsync<FailedEmail>(new CommandDefinition("""
            select r.reference, d.kind, d.queue, d.recipient, d.attempts, d.last_error as LastError, d.failed_at as FailedAt
            from mail_deliveries d join reports r on r.id = d.report_id
            where d.status = @Failed order by d.failed_at desc limit 200
            """, new { Failed = DeliveryStatus.Failed.Stored() }, cancellationToken: cancellationToken))).ToList();
        Retrying = (await connection.QueryAsync<RetryingEmail>(new CommandDefinition("""
            select r.reference, d.kind, d.queue, d.attempts, d.last_error as LastError, d.next_attempt_at as NextAttemptAt
            from mail_deliveries d join reports r on r.id = d.report_id
            where d.status = @Pending and d.attempts > 0 order by d.next_attempt_at limit 200
            """, new { Pending = DeliveryStatus.Pending.Stored() }, cancellationToken: cancellationToken))).ToList();
    }
}
