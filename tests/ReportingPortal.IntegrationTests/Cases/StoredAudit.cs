using Dapper;
using ReportingPortal.Core.Audit;

namespace ReportingPortal.IntegrationTests.Cases;

/// <summary>Rows of the audit log about one report, read straight from the database.</summary>
public static class StoredAudit
{
    public sealed record Line(AuditAction Action, long? ActorAccountId, long? SubjectAccountId, string? Detail);

    public static async Task<IReadOnlyList<Line>> For(string reference)
    {
        await using var connection = await TestDatabase.Open();
        return (await connection.QueryAsync<Line>("""
            select l.action, l.actor_account_id as ActorAccountId, l.subject_account_id as SubjectAccountId, l.detail
            from audit_log l join reports r on r.id = l.report_id where r.reference = @reference order by l.id
            """, new { reference })).ToList();
    }
}
