using Dapper;
using ReportingPortal.Core.Audit;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.IntegrationTests.Accounts;

/// <summary>The audit log's lines about one account, read straight from the database.</summary>
public static class AuditRows
{
    public static async Task<int> Count(Portal portal, AuditAction action, long subjectAccountId, long? actorAccountId = null)
    {
        await using var connection = await TestDatabase.OpenDatabase(portal.ConnectionString);
        return await connection.ExecuteScalarAsync<int>("""
            select count(*) from audit_log
            where action = @Action and subject_account_id = @Subject and (@Actor::bigint is null or actor_account_id = @Actor)
            """, new { Action = action.Stored(), Subject = subjectAccountId, Actor = actorAccountId });
    }
}
