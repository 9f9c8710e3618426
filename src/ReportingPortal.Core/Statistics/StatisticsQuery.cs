using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using ReportingPortal.Core.Accounts;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.Forwarding;
using ReportingPortal.Core.Reports;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Statistics;

/// <summary>
/// Counts and times of reports and their cases, by week for the console and by quarter for the public page. It reads
/// only what retention leaves in clear (category, priority, country, reporter role, times, statuses, outcomes, queues),
/// never what a report says; reports are found by received_at through a BRIN index, which costs a report's insert
/// next to nothing.
/// </summary>
public sealed class StatisticsQuery(NpgsqlDataSource database, IOptions<CasesOptions> cases, IOptions<ForwardingOptions> forwarding,
    TimeProvider time)
{
    /// <summary>Null when the account is no administrator and supervises no queue; otherwise whose reports it may count.</summary>
    public async Task<StatisticsScope?> ScopeOf(long accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(bool IsAdministrator, string? Queue)>(new CommandDefinition("""
            select a.is_administrator, q.queue
            from accounts a left join account_queues q on q.account_id = a.id and q.role = @Supervisor
            where a.id = @accountId and a.disabled_at is null
            order by q.queue
            """, new { accountId, Supervisor = QueueRole.Supervisor.Stored() }, cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0)
            return null;
        if (rows[0].IsAdministrator)
            return StatisticsScope.Everything;
        var queues = rows.Where(row => row.Queue is not null).Select(row => row.Queue!).ToList();
        return queues.Count == 0 ? null : StatisticsScope.Of(queues);
    }

    /// <summary>Whether the account may open the statistics, for the console's navigation.</summary>
    public async Task<bool> MayRead(long accountId, CancellationToken cancellationToken) =>
        await ScopeOf(accountId, cancellationToken) is not null;

    public async Task<WeeklyStatistics> Weekly(StatisticsWeeks weeks, StatisticsScope scope, CancellationToken cancellationToken)
    {
        var parameters = new
        {
            weeks.Start,
            weeks.End,
            scope.AllQueues,
            Queues = scope.Queues.ToArray(),
            Now = time.GetUtcNow(),
        };
        // The cases received in the range, in the scope's queues: the only rows both statements read.
        const string Chosen = """
            with chosen as materialized (
                select (date_trunc('week', r.received_at at time zone 'UTC'))::date as period, r.received_at,
                       r.category, r.priority, coalesce(r.country, '') as country, r.reporter_role, coalesce(c.outcome, '') as outcome,
                       c.queues, c.first_action_at, c.first_action_due, c.closed_at, c.feedback_due
                from reports r join cases c on c.report_id = r.id
                where r.received_at >= @Start and r.received_at < @End and (@AllQueues or c.queues && @Queues)
            )
            """;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var counts = await connection.QueryAsync<(string Breakdown, DateTime Period, string Value, long Count)>(new CommandDefinition(
            Chosen + """
            select 'Category', period, category, count(*) from chosen group by period, category
            union all select 'Priority', period, priority, count(*) from chosen group by period, priority
            union all select 'Country', period, country, count(*) from chosen group by period, country
            union all select 'ReporterRole', period, reporter_role, count(*) from chosen group by period, reporter_role
            union all select 'Outcome', period, outcome, count(*) from chosen group by period, outcome
            union all select 'Queue', period, q.queue, count(*) from chosen cross join unnest(chosen.queues) as q (queue)
                where @AllQueues or q.queue = any (@Queues) group by period, q.queue
            """, parameters, cancellationToken: cancellationToken));

        var times = await connection.QueryAsync<CaseTimesRow>(new CommandDefinition(Chosen + """
            select period as Week, count(*) as Cases,
                   count(first_action_at) as FirstActed,
                   percentile_cont(0.5) within group (order by extract(epoch from first_action_at - received_at)::float8) as FirstActionMedian,
                   percentile_cont(0.9) within group (order by extract(epoch from first_action_at - received_at)::float8) as FirstActionP90,
                   count(closed_at) as Closed,
                   percentile_cont(0.5) within group (order by extract(epoch from closed_at - received_at)::float8) as CloseMedian,
                   percentile_cont(0.9) within group (order by extract(epoch from closed_at - received_at)::float8) as CloseP90,
                   count(*) filter (where first_action_at is not null or first_action_due <= @Now) as FirstActionDecided,
                   count(*) filter (where first_action_at <= first_action_due) as FirstActionMet,
                   count(*) filter (where closed_at is not null or feedback_due <= @Now) as FeedbackDecided,
                   count(*) filter (where closed_at <= feedback_due) as FeedbackMet
            from chosen
            group by grouping sets ((period), ())
            """, parameters, cancellationToken: cancellationToken));

        var queues = scope.AllQueues ? forwarding.Value.Queues.Select(queue => queue.Name).ToList() : scope.Queues.ToList();
        return new WeeklyStatistics(weeks, Breakdowns(counts, [StatisticsBreakdown.Category, StatisticsBreakdown.Priority,
                StatisticsBreakdown.Country, StatisticsBreakdown.Queue, StatisticsBreakdown.ReporterRole, StatisticsBreakdown.Outcome], queues),
            times.Select(row => row.ToCaseTimes()).ToList());
    }

    /// <summary>Reports of every queue by category and by outcome, in each quarter from <paramref name="firstQuarter"/> on, <paramref name="quarters"/> of them.</summary>
    public async Task<IReadOnlyList<BreakdownCounts>> Quarterly(DateOnly firstQuarter, int quarters, CancellationToken cancellationToken)
    {
        var start = new DateTimeOffset(firstQuarter.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var counts = await connection.QueryAsync<(string Breakdown, DateTime Period, string Value, long Count)>(new CommandDefinition("""
            with chosen as materialized (
                select (date_trunc('quarter', r.received_at at time zone 'UTC'))::date as period, r.category,
                       coalesce(c.outcome, '') as outcome
                from reports r join cases c on c.report_id = r.id
                where r.received_at >= @Start and r.received_at < @End
            )
            select 'Category', period, category, count(*) from chosen group by period, category
            union all select 'Outcome', period, outcome, count(*) from chosen group by period, outcome
            """, new { Start = start, End = start.AddMonths(3 * quarters) }, cancellationToken: cancellationToken));
        return Breakdowns(counts, [StatisticsBreakdown.Category, StatisticsBreakdown.Outcome], []);
    }

    private List<BreakdownCounts> Breakdowns(IEnumerable<(string Breakdown, DateTime Period, string Value, long Count)> rows,
        IReadOnlyList<StatisticsBreakdown> wanted, IReadOnlyList<string> queues)
    {
        var byBreakdown = rows.ToLookup(row => Enum.Parse<StatisticsBreakdown>(row.Breakdown));
        return wanted.Select(breakdown =>
        {
            var found = byBreakdown[breakdown].ToList();
            var known = breakdown switch
            {
                StatisticsBreakdown.Category => Enum.GetNames<ReportCategory>(),
                StatisticsBreakdown.Priority => Enum.GetNames<Priority>(),
                StatisticsBreakdown.ReporterRole => Enum.GetNames<ReporterRole>(),
                StatisticsBreakdown.Queue => queues,
                StatisticsBreakdown.Outcome => cases.Value.Outcomes,
                _ => (IReadOnlyList<string>)[],
            };
            // Values stored but not (or no longer) configured come after the known ones; "not given" and "open" last.
            var others = found.Select(row => row.Value).Where(value => value != "" && !known.Contains(value)).Distinct().Order(StringComparer.Ordinal);
            var values = known.Concat(others).ToList();
            if (breakdown is StatisticsBreakdown.Outcome || found.Any(row => row.Value == ""))
                values.Add("");
            return new BreakdownCounts(breakdown, values,
                found.ToDictionary(row => (row.Value, DateOnly.FromDateTime(row.Period)), row => row.Count));
        }).ToList();
    }

    private sealed class CaseTimesRow
    {
        public DateTime? Week { get; init; }
        public long Cases { get; init; }
        public long FirstActed { get; init; }
        public double? FirstActionMedian { get; init; }
        public double? FirstActionP90 { get; init; }
        public long Closed { get; init; }
        public double? CloseMedian { get; init; }
        public double? CloseP90 { get; init; }
        public long FirstActionDecided { get; init; }
        public long FirstActionMet { get; init; }
        public long FeedbackDecided { get; init; }
        public long FeedbackMet { get; init; }

        public CaseTimes ToCaseTimes() => new(Week is { } week ? DateOnly.FromDateTime(week) : null, Cases, FirstActed,
            FirstActionMedian, FirstActionP90, Closed, CloseMedian, CloseP90, FirstActionDecided, FirstActionMet, FeedbackDecided, FeedbackMet);
    }
}
