using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ReportingPortal.Core.Screening;

/// <summary>Reads where screening stands for a case the viewer may already see (the case page checked that).</summary>
public sealed class ScreeningQuery(NpgsqlDataSource database, IOptions<ScreeningOptions> options)
{
    public async Task<ScreeningView> Read(long reportId, long accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<ScreeningView>(new CommandDefinition("""
            select c.screening as State, r.screening_reasons as Reasons, c.screening_decided_at as DecidedAt,
                   exists (select 1 from account_queues aq where aq.account_id = @accountId and aq.queue = @Queue) as IsScreener
            from cases c join reports r on r.id = c.report_id where c.report_id = @reportId
            """, new { reportId, accountId, options.Value.Queue }, cancellationToken: cancellationToken));
    }
}
