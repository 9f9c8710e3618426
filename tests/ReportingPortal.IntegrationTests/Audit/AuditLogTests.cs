using Dapper;
using Npgsql;
using ReportingPortal.Core.Audit;

namespace ReportingPortal.IntegrationTests.Audit;

public sealed class AuditLogTests
{
    [TestCase("update audit_log set detail = 'rewritten' where id = @Id")]
    [TestCase("delete from audit_log where id = @Id")]
    [TestCase("truncate audit_log")]
    public async Task TheDatabaseRefusesToChangeOrRemoveAnAuditLine(string change)
    {
        var portal = await Portal.Shared();
        await using var connection = await TestDatabase.OpenDatabase(portal.ConnectionString);
        await AuditLog.Write(connection, null, new AuditEntry(AuditAction.AuditExported, null, Detail: "append-only check"), CancellationToken.None);
        var id = await connection.ExecuteScalarAsync<long>("select max(id) from audit_log");

        // In a transaction rolled back whatever happens, so a missing trigger cannot empty the shared log.
        await using var transaction = await connection.BeginTransactionAsync();
        var refused = await Should.ThrowAsync<PostgresException>(() => connection.ExecuteAsync(change, new { Id = id }, transaction));
        await transaction.RollbackAsync();

        refused.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        refused.MessageText.ShouldBe("audit_log is append-only");
        (await connection.ExecuteScalarAsync<string>("select detail from audit_log where id = @id", new { id })).ShouldBe("append-only check");
    }
}
