using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using ReportingPortal.Core.Reports;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Cases;

/// <summary>
/// An account's inbox: the cases of its queues, open before closed, overdue first, then by priority and first-action
/// deadline, a page at a time, with the counts beside each filter. It sorts and counts from the cases table alone
/// (see cases.priority_rank, cases.queues and cases.due), and reads the reports of one page only.
/// </summary>
public sealed class InboxQuery(NpgsqlDataSource database, IOptions<CasesOptions> options, TimeProvider time)
{
    // Each case of the queues, overdue or due soon by its next deadline (cases.due) and the warning time before it.
    private const string Marked = """
        with marked as not materialized (
            select report_id, status, owner_account_id, priority_rank, first_action_due, queues, due,
                   status <> @Closed and due <= @Now as overdue,
                   status <> @Closed and due > @Now and due - case when first_action_at is null
                       then (@FirstActionSoon)[priority_rank + 1] else @FeedbackSoon end <= @Now as due_soon
            from cases where queues && @Queues
        )
        """;

    public async Task<Inbox> Read(long accountId, InboxFilter filter, CancellationToken cancellationToken)
    {
        var page = Math.Max(1, filter.Page);
        var settings = options.Value;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var accountQueues = (await connection.QueryAsync<string>(new CommandDefinition(
            "select queue from account_queues where account_id = @accountId order by queue",
            new { accountId }, cancellationToken: cancellationToken))).ToList();
        var parameters = new
        {
            AccountId = accountId,
            Queues = accountQueues.Where(queue => filter.Queue is null || queue == filter.Queue).ToArray(),
            // Indexed by rank + 1: PostgreSQL arrays start at 1.
            FirstActionSoon = Enum.GetValues<Priority>().OrderBy(priority => priority.Rank())
                .Select(priority => settings.FirstActionDueSoon[priority]).ToArray(),
            FeedbackSoon = settings.FeedbackDueSoon,
            Closed = CaseStatus.Closed.Stored(),
            Now = time.GetUtcNow(),
            Status = filter.Status?.Stored(),
            PriorityRank = filter.Priority?.Rank(),
            filter.Overdue,
            filter.DueSoon,
            filter.Mine,
            filter.Unassigned,
            SplitByQueue = accountQueues.Count > 1,
            Limit = Inbox.PageSize + 1,
            Offset = (page - 1) * Inbox.PageSize,
            Enough = page * Inbox.PageSize + 1,
        };

        // Overdue open cases, other open cases, closed cases: each part read in inbox order from its own index, so a page
        // reads about a page of cases however many there are.
        var cases = (await connection.QueryAsync<InboxCase>(new CommandDefinition(Marked + """
            , wanted as not materialized (
                select * from marked
                where (@Status::text is null or status = @Status) and (@PriorityRank::smallint is null or priority_rank = @PriorityRank)
                  and (not @Overdue or overdue) and (not @DueSoon or due_soon)
                  and (not @Mine or owner_account_id = @AccountId) and (not @Unassigned or owner_account_id is null)
            ),
            page as (
                (select *, 0 as part from wanted where status <> @Closed and due <= @Now
                 order by priority_rank, first_action_due, report_id limit @Enough)
                union all
                (select *, 1 from wanted where status <> @Closed and due > @Now
                 order by priority_rank, first_action_due, report_id limit @Enough)
                union all
                (select *, 2 from wanted where status = @Closed
                 order by priority_rank, first_action_due, report_id limit @Enough)
                order by part, priority_rank, first_action_due, report_id
                limit @Limit offset @Offset
            )
            select r.reference, p.priority_rank as Priority, r.category, p.status, p.owner_account_id as OwnerAccountId,
                   a.display_name as OwnerName, p.due, p.overdue, p.due_soon as DueSoon, r.received_at as ReceivedAt
            from page p join reports r on r.id = p.report_id left join accounts a on a.id = p.owner_account_id
            order by p.part, p.priority_rank, p.first_action_due, p.report_id
            """, parameters, cancellationToken: cancellationToken))).ToList();

        // Only open cases are counted, the ones responders work on: closed ones, most of an inbox in time, would make
        // every page read them all. Split by the cases' queues only for an account of several (hashing arrays costs).
        var groups = (await connection.QueryAsync<CountGroup>(new CommandDefinition(Marked + """
            select status, priority_rank as Priority, overdue, due_soon as DueSoon, owner_account_id = @AccountId as Mine,
                   owner_account_id is null as Unassigned, case when @SplitByQueue then queues end as Queues, count(*)::int as Count
            from marked where status <> @Closed group by 1, 2, 3, 4, 5, 6, 7
            """, parameters with { Queues = accountQueues.ToArray() }, cancellationToken: cancellationToken))).ToList();

        var counts = new InboxCounts
        {
            Open = groups.Sum(group => group.Count),
            ByStatus = Enum.GetValues<CaseStatus>().Where(status => status != CaseStatus.Closed)
                .ToDictionary(status => status, status => groups.Where(g => g.Status == status).Sum(g => g.Count)),
            ByPriority = Enum.GetValues<Priority>().OrderBy(priority => priority.Rank())
                .ToDictionary(priority => priority, priority => groups.Where(g => g.Priority == priority).Sum(g => g.Count)),
            ByQueue = accountQueues.ToDictionary(queue => queue, queue => groups.Where(g => g.Queues?.Contains(queue) ?? true).Sum(g => g.Count)),
            Overdue = groups.Where(group => group.Overdue).Sum(group => group.Count),
            DueSoon = groups.Where(group => group.DueSoon).Sum(group => group.Count),
            Mine = groups.Where(group => group.Mine == true).Sum(group => group.Count),
            Unassigned = groups.Where(group => group.Unassigned).Sum(group => group.Count),
        };
        return new Inbox(cases.Take(Inbox.PageSize).ToList(), counts, accountQueues, page, HasNextPage: cases.Count > Inbox.PageSize);
    }

    // Properties, not a constructor: Dapper does not match a text[] column to a string[] constructor parameter.
    private sealed class CountGroup
    {
        public CaseStatus Status { get; init; }
        public Priority Priority { get; init; }
        public bool Overdue { get; init; }
        public bool DueSoon { get; init; }
        public bool? Mine { get; init; }
        public bool Unassigned { get; init; }
        public string[]? Queues { get; init; }
        public int Count { get; init; }
    }
}
