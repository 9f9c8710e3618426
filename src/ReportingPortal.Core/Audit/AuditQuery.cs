using System.Runtime.CompilerServices;
using Dapper;
using Npgsql;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Audit;

/// <summary>Reads the audit log for administrators: newest first, narrowed by a filter, a page at a time or whole for export.</summary>
public sealed class AuditQuery(NpgsqlDataSource database)
{
    private const string Filtered = """
        select a.id, a.at, actor.email as ActorEmail, actor.display_name as ActorName, a.action, r.reference,
               subject.email as SubjectEmail, a.detail
        from audit_log a
        left join accounts actor on actor.id = a.actor_account_id
        left join accounts subject on subject.id = a.subject_account_id
        left join reports r on r.id = a.report_id
        where (@Action is null or a.action = @Action)
          and (@AccountId is null or a.actor_account_id = @AccountId or a.subject_account_id = @AccountId)
          and (@Reference is null or r.reference = @Reference)
          and (@From is null or a.at >= @From)
          and (@Until is null or a.at < @Until)
        order by a.at desc, a.id desc
        """;

    /// <summary>One page of the filtered log, and whether an older page follows.</summary>
    public async Task<(IReadOnlyList<AuditRow> Rows, bool More)> Page(AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(Parameters(filter));
        parameters.AddDynamicParams(new { Limit = pageSize + 1, Offset = (long)(page - 1) * pageSize });
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<AuditRow>(new CommandDefinition(
            Filtered + "\nlimit @Limit offset @Offset", parameters, cancellationToken: cancellationToken))).ToList();
        return (rows.Take(pageSize).ToList(), rows.Count > pageSize);
    }

    /// <summary>Every row of the filtered log, read as it is written out.</summary>
    public async IAsyncEnumerable<AuditRow> All(AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // Dapper's analyser does not read the parameters of a constant's SQL in QueryUnbufferedAsync; Page uses the same ones.
#pragma warning disable DAP018
        await foreach (var row in connection.QueryUnbufferedAsync<AuditRow>(Filtered, Parameters(filter)).WithCancellation(cancellationToken))
#pragma warning restore DAP018
            yield return row;
    }

    public async Task<IReadOnlyList<AuditAccount>> Accounts(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<AuditAccount>(new CommandDefinition(
            "select id, email, display_name as DisplayName from accounts order by lower(email)", cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>The report a reference names, for the audit line of an export narrowed to it.</summary>
    public async Task<long?> ReportId(string reference, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "select id from reports where reference = @reference", new { reference }, cancellationToken: cancellationToken));
    }

    private static object Parameters(AuditFilter filter) => new
    {
        Action = filter.Action?.Stored(),
        filter.AccountId,
        filter.Reference,
        From = filter.From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null,
        Until = filter.To is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null,
    };
}
