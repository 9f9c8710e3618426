using Dapper;
using Npgsql;

namespace ReportingPortal.Core.Cases;

/// <summary>A case's two deadlines, read when its reminders are sent.</summary>
public sealed record CaseDueTimes(long ReportId, DateTime FirstActionDue, DateTime FeedbackDue)
{
    public DateTime For(Deadline deadline) => deadline == Deadline.FirstAction ? FirstActionDue : FeedbackDue;

    public static async Task<Dictionary<long, CaseDueTimes>> Load(NpgsqlConnection connection, long[] reportIds, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<CaseDueTimes>(new CommandDefinition("""
            select report_id as ReportId, first_action_due as FirstActionDue, feedback_due as FeedbackDue
            from cases where report_id = any(@reportIds)
            """, new { reportIds }, cancellationToken: cancellationToken))).ToDictionary(due => due.ReportId);
}
