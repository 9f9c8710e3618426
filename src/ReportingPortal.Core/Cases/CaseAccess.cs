using Dapper;
using Npgsql;
using ReportingPortal.Core.Accounts;
using ReportingPortal.Core.Reports;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Cases;

/// <summary>
/// A case as one account may reach it: an account sees a case only when one of the case's queues is one of its
/// queues, and a supervisor of one of those queues may also reassign it. Being an administrator gives neither.
/// </summary>
public sealed record CaseAccess(long ReportId, string Reference, CaseStatus Status, long? OwnerAccountId, Priority Priority,
    bool IsMember, bool IsSupervisor, string? KeyId, byte[]? DataKey)
{
    private const string Select = """
            select c.report_id as ReportId, r.reference, c.status, c.owner_account_id as OwnerAccountId, r.priority,
                   exists (select 1 from case_queues cq join account_queues aq on aq.queue = cq.queue
                           where cq.report_id = c.report_id and aq.account_id = @accountId) as IsMember,
                   exists (select 1 from case_queues cq join account_queues aq on aq.queue = cq.queue
                           where cq.report_id = c.report_id and aq.account_id = @accountId and aq.role = @Supervisor) as IsSupervisor,
                   r.key_id as KeyId, r.data_key as DataKey
            from reports r join cases c on c.report_id = r.id
            where r.reference = @reference
            """;

    /// <summary>
    /// The case with <paramref name="reference"/> as <paramref name="accountId"/> reaches it; null when there is no such
    /// case. To change it, <paramref name="lockCase"/> locks its row until the transaction ends.
    /// </summary>
    public static Task<CaseAccess?> Load(NpgsqlConnection connection, NpgsqlTransaction? transaction, string reference,
        long accountId, bool lockCase, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<CaseAccess>(new CommandDefinition(lockCase ? Select + " for update of c" : Select,
            new { reference, accountId, Supervisor = QueueRole.Supervisor.Stored() }, transaction, cancellationToken: cancellationToken));

    /// <summary>Whether the account may work on the case: its owner, anyone while nobody owns it, or a supervisor.</summary>
    public bool MayWorkOn(long accountId) => OwnerAccountId is null || OwnerAccountId == accountId || IsSupervisor;
}
