using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using ReportingPortal.Core.Reports;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Cases;

/// <summary>
/// An account's inbox: the cases of its queues, open before closed, overdue first, then by priority and first-action
/// deadline, a page at a time, with the counts beside each filter.
/// </summary>
public sealed class InboxQuery(NpgsqlDataSource database, IOptions<CasesOptions> options, TimeProvider time)
{
    // Each case of the account's queues with its rank, the deadline that matters now and how long before it is "soon".
    private const string Marked = """
        with inbox as (
            select c.report_id, r.reference, r.priority, r.category, r.received_at, c.status, c.owner_account_id,
                   c.first_action_due, array_position(@Priorities, r.priority) as rank,
                   case when c.first_action_at is null then c.first_action_due else c.feedback_due end as due,
                   case when c.first_action_at is null then (@FirstActionSoon)[array_position(@Priorities, r.priority)]
                        else @FeedbackSoon end as soon
            from cases c join reports r on r.id = c.report_id
            where c.report_id in (select cq.report_id from case_queues cq
                                  join account_queues aq on aq.queue = cq.queue and aq.account_id = @AccountId
                                  where @Queue::text is null or cq.queue = @Queue)
        ),
        marked as (
            select *, status <> @Closed and due <= @Now as overdue,
                      status <> @Closed and due > @Now and due - soon <= @Now as due_soon
            from inbox
        )
        """;

    public async Task<Inbox> Read(long accountId, InboxFilter filter, CancellationToken cancellationToken)
    {
        var page = Math.Max(1, filter.Page);
        var settings = options.Value;
        var byRank = Enum.GetValues<Priority>().OrderBy(priority => priority.Rank()).ToArray();
        var parameters = new
        {
            AccountId = accountId,
            Priorities = byRank.Select(priority => priority.Stored()).ToArray(),
            FirstActionSoon = byRank.Select(priority => settings.FirstActionDueSoon[priority]).ToArray(),
            FeedbackSoon = settings.FeedbackDueSoon,
            Closed = CaseStatus.Closed.Stored(),
            Now = time.GetUtcNow(),
            filter.Queue,
            Status = filter.Status?.Stored(),
            Priority = filter.Priority?.Stored(),
            filter.Overdue,
            filter.DueSoon,
            filter.Mine,
            filter.Unassigned,
            Limit = Inbox.PageSize + 1,
            Offset = (page - 1) * Inbox.PageSize,
        };

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var cases = (await connection.QueryAsync<InboxCase>(new CommandDefinition(Marked + """
            select m.reference, m.priority, m.category, m.status, m.owner_account_id as OwnerAccountId,
                   a.display_name as OwnerName, m.due, m.overdue, m.due_soon as DueSoon, m.received_at as ReceivedAt
            from marked m left join accounts a on a.id = m.owner_account_id
            where (@Status::text is null or m.status = @Status) and (@Priority::text is null or m.priority = @Priority)
              and (not @Overdue or m.overdue) and (not @DueSoon or m.due_soon)
              and (not @Mine or m.owner_account_id = @AccountId) and (not @Unassigned or m.owner_account_id is null)
            order by m.status = @Closed, m.overdue desc, m.rank, m.first_action_due, m.report_id
            limit @Limit offset @Offset
            """, parameters, cancellationToken: cancellationToken))).ToList();

        var groups = (await connection.QueryAsync<CountGroup>(new CommandDefinition(Marked + """
            select status, priority, overdue, due_soon as DueSoon, owner_account_id = @AccountId as Mine,
                   owner_account_id is null as Unassigned, count(*)::int as Count
            from marked group by 1, 2, 3, 4, 5, 6
            """, parameters with { Queue = (string?)null }, cancellationToken: cancellationToken))).ToList();
        var queues = (await connection.QueryAsync<(string Queue, int Count)>(new CommandDefinition("""
            select aq.queue, count(cq.report_id)::int
            from account_queues aq left join case_queues cq on cq.queue = aq.queue
            where aq.account_id = @accountId
            group by aq.queue order by aq.queue
            """, new { accountId }, cancellationToken: cancellationToken))).ToList();

        var counts = new InboxCounts
        {
            All = groups.Sum(group => group.Count),
            ByStatus = Enum.GetValues<CaseStatus>().ToDictionary(status => status, status => groups.Where(g => g.Status == status).Sum(g => g.Count)),
            ByPriority = byRank.ToDictionary(priority => priority, priority => groups.Where(g => g.Priority == priority).Sum(g => g.Count)),
            ByQueue = queues.ToDictionary(queue => queue.Queue, queue => queue.Count),
            Overdue = groups.Where(group => group.Overdue).Sum(group => group.Count),
            DueSoon = groups.Where(group => group.DueSoon).Sum(group => group.Count),
            Mine = groups.Where(group => group.Mine == true).Sum(group => group.Count),
            Unassigned = groups.Where(group => group.Unassigned).Sum(group => group.Count),
        };
        return new Inbox(cases.Take(Inbox.PageSize).ToList(), counts, queues.Select(queue => queue.Queue).ToList(), page,
            HasNextPage: cases.Count > Inbox.PageSize);
    }

    private sealed record CountGroup(CaseStatus Status, Priority Priority, bool Overdue, bool DueSoon, bool? Mine, bool Unassigned, int Count);
}
