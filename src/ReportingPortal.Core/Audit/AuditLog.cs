using Dapper;
using Npgsql;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Audit;

/// <summary>
/// Appends to <c>audit_log</c>, which a trigger keeps append-only. Write the entry on the connection (and in the
/// transaction) of the change it records, so a change is never without its line.
/// </summary>
public sealed class AuditLog(NpgsqlDataSource database)
{
    private const string Insert = """
        insert into audit_log (actor_account_id, action, report_id, subject_account_id, detail)
        values (@ActorAccountId, @Action, @ReportId, @SubjectAccountId, @Detail)
        """;

    public async Task Write(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await Write(connection, null, entry, cancellationToken);
    }

    public static Task Write(NpgsqlConnection connection, NpgsqlTransaction? transaction, AuditEntry entry, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(Insert, Parameters(entry), transaction, cancellationToken: cancellationToken));

    private static object Parameters(AuditEntry entry) => new
    {
        entry.ActorAccountId,
        Action = entry.Action.Stored(),
        entry.ReportId,
        entry.SubjectAccountId,
        entry.Detail,
    };
}
