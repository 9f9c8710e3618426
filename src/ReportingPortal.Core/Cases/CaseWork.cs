using Dapper;
using Npgsql;
using ReportingPortal.Core.Audit;
using ReportingPortal.Core.Encryption;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Cases;

/// <summary>
/// Runs one action on a case in one transaction: loads and locks the case as the account reaches it, refuses (and
/// audits) a case outside the account's queues as if it did not exist, and commits only what succeeded.
/// </summary>
public sealed class CaseWork(NpgsqlDataSource database, KeyRing keys)
{
    public async Task<CaseActionResult> Run(string reference, long accountId, AuditAction action,
        Func<Step, Task<CaseActionResult>> change, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var access = await CaseAccess.Load(connection, transaction, reference, accountId, lockCase: true, cancellationToken);
        if (access is not { IsMember: true })
        {
            await AuditLog.Write(connection, transaction,
                new AuditEntry(AuditAction.CaseViewRefused, accountId, access?.ReportId, Detail: action.Stored()), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return CaseActionResult.NotFound;
        }
        var result = await change(new Step(connection, transaction, access, accountId, keys, cancellationToken));
        if (result.Succeeded)
            await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>The case being changed and the transaction the change and its audit line go in.</summary>
    public sealed record Step(NpgsqlConnection Connection, NpgsqlTransaction Transaction, CaseAccess Case, long AccountId,
        KeyRing Keys, CancellationToken CancellationToken)
    {
        /// <summary>The case's data key, to seal what is written about it; null once the report's content was deleted.</summary>
        public ReportKey? ReportKey =>
            Case is { KeyId: not null, DataKey: not null } ? Keys.Open(Case.Reference, Case.KeyId, Case.DataKey) : null;

        public Task<int> Execute(string sql, object parameters) =>
            Connection.ExecuteAsync(new CommandDefinition(sql, parameters, Transaction, cancellationToken: CancellationToken));

        public Task<T> Single<T>(string sql, object parameters) =>
            Connection.QuerySingleAsync<T>(new CommandDefinition(sql, parameters, Transaction, cancellationToken: CancellationToken));

        public async Task<CaseActionResult> Audit(AuditAction action, string? detail = null, long? subjectAccountId = null)
        {
            await AuditLog.Write(Connection, Transaction,
                new AuditEntry(action, AccountId, Case.ReportId, subjectAccountId, detail), CancellationToken);
            return CaseActionResult.Done;
        }
    }
}
