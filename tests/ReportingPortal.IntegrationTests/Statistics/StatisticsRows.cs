using System.Security.Cryptography;
using Dapper;
using Npgsql;
using ReportingPortal.Core.Reports;

namespace ReportingPortal.IntegrationTests.Statistics;

/// <summary>
/// Cases written straight to a database with the times a test chooses, for the arithmetic of statistics: when it was
/// received, first acted on and closed, its deadlines, its queues. Only the columns statistics read carry meaning.
/// </summary>
public sealed record StatisticsRows(string ConnectionString)
{
    public async Task Add(DateTimeOffset receivedAt, string category = "Grooming", Priority priority = Priority.Normal, string? country = "FR",
        string reporterRole = "ParentOrCaregiver", string[]? queues = null, TimeSpan? firstActionAfter = null, TimeSpan? firstActionDueAfter = null,
        TimeSpan? closedAfter = null, string? outcome = null, TimeSpan? feedbackDueAfter = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var id = await connection.ExecuteScalarAsync<long>("""
            insert into reports (reference, access_code_hash, form_key_hash, language, reporter_role, category, country, occurred,
                                 child_age_range, child_in_danger, contact_preference, received_at, priority)
            values (@Reference, @Hash, @Hash, 'en', @reporterRole, @category, @country, 'ThisWeek', 'From10To12', 'No',
                    'Anonymous', @receivedAt, @Priority)
            returning id
            """, new
        {
            Reference = "RP-S" + Convert.ToHexString(RandomNumberGenerator.GetBytes(5)),
            Hash = RandomNumberGenerator.GetBytes(32),
            reporterRole, category, country, receivedAt,
            Priority = priority.ToString(),
        });
        await connection.ExecuteAsync("""
            insert into cases (report_id, status, outcome, first_action_due, feedback_due, first_action_at, closed_at, priority_rank)
            values (@id, @Status, @outcome, @FirstActionDue, @FeedbackDue, @FirstActionAt, @ClosedAt, @Rank)
            """, new
        {
            id,
            Status = closedAfter is null ? (firstActionAfter is null ? "New" : "InProgress") : "Closed",
            outcome,
            FirstActionDue = receivedAt + (firstActionDueAfter ?? TimeSpan.FromDays(7)),
            FeedbackDue = receivedAt + (feedbackDueAfter ?? TimeSpan.FromDays(91)),
            FirstActionAt = receivedAt + firstActionAfter,
            ClosedAt = receivedAt + closedAfter,
            Rank = (short)priority,
        });
        foreach (var queue in queues ?? ["child-welfare"])
            await connection.ExecuteAsync("insert into case_queues (report_id, queue, how) values (@id, @queue, 'Routed')", new { id, queue });
    }
}
