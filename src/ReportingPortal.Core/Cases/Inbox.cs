namespace ReportingPortal.Core.Cases;

/// <summary>One page of an account's inbox, the counts beside its filters, and the queues it can pick from.</summary>
public sealed record Inbox(IReadOnlyList<InboxCase> Cases, InboxCounts Counts, IReadOnlyList<string> Queues, int Page, bool HasNextPage)
{
    public const int PageSize = 50;
}
