using System.Diagnostics;
using Dapper;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Reports;

namespace ReportingPortal.Testing;

/// <summary>Rows of mail_deliveries, the mail owed for reports, read straight from the database.</summary>
public static class StoredDeliveries
{
    public sealed record Delivery(string Reference, DeliveryKind Kind, string? Queue, string? Recipient, Priority Priority,
        DeliveryStatus Status, int Attempts, string? LastError);

    public static async Task<IReadOnlyList<Delivery>> For(string reference, string? connectionString = null)
    {
        await using var connection = await TestDatabase.OpenDatabase(connectionString ?? TestDatabase.ConnectionString);
        return (await connection.QueryAsync<Delivery>("""
            select r.reference, d.kind, d.queue, d.recipient, d.priority, d.status, d.attempts, d.last_error as LastError
            from mail_deliveries d join reports r on r.id = d.report_id
            where r.reference = @reference order by d.id
            """, new { reference })).ToList();
    }

    /// <summary>Waits until the report's mail is all sent or failed for good.</summary>
    public static Task<IReadOnlyList<Delivery>> WaitUntilSettled(string reference, string? connectionString = null, TimeSpan? timeout = null) =>
        WaitUntil(reference, deliveries => deliveries.Count > 0 && deliveries.All(d => d.Status != DeliveryStatus.Pending), connectionString, timeout);

    public static async Task<IReadOnlyList<Delivery>> WaitUntil(string reference, Func<IReadOnlyList<Delivery>, bool> done,
        string? connectionString = null, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var deliveries = await For(reference, connectionString);
            if (done(deliveries))
                return deliveries;
            if (deadline.Elapsed > (timeout ?? TimeSpan.FromSeconds(30)))
                throw new TimeoutException($"Mail for {reference} did not settle: " + string.Join("; ", deliveries));
            await Task.Delay(100);
        }
    }
}
