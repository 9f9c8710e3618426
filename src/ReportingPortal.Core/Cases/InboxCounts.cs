using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.Cases;

/// <summary>
/// How many open cases of the account's queues each filter of the inbox would show on its own. Closed cases are not
/// counted: they are most of an inbox in time, and nobody works on them.
/// </summary>
public sealed class InboxCounts
{
    public int Open { get; init; }
    public IReadOnlyDictionary<CaseStatus, int> ByStatus { get; init; } = new Dictionary<CaseStatus, int>();
    public IReadOnlyDictionary<Priority, int> ByPriority { get; init; } = new Dictionary<Priority, int>();
    public IReadOnlyDictionary<string, int> ByQueue { get; init; } = new Dictionary<string, int>();
    public int Overdue { get; init; }
    public int DueSoon { get; init; }
    public int Mine { get; init; }
    public int Unassigned { get; init; }
}
