using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.Cases;

/// <summary>How cases are closed and when they are due.</summary>
public sealed class CasesOptions
{
    public const string Section = "Cases";

    /// <summary>The outcomes a case can be closed with, by name; their wording is in the resource files.</summary>
    public List<string> Outcomes { get; set; } = [];

    /// <summary>When someone should take a case, after it arrives, by priority.</summary>
    public Dictionary<Priority, TimeSpan> FirstActionDue { get; set; } = [];

    /// <summary>When a reporter should have heard back, after the report arrived.</summary>
    public TimeSpan FeedbackDue { get; set; } = TimeSpan.FromDays(91);

    /// <summary>How long before a first-action deadline its owner (or queue) is reminded, by priority.</summary>
    public Dictionary<Priority, TimeSpan> FirstActionDueSoon { get; set; } = [];

    /// <summary>How long before the feedback deadline its owner (or queue) is reminded.</summary>
    public TimeSpan FeedbackDueSoon { get; set; } = TimeSpan.FromDays(14);

    /// <summary>The first-action deadline of a case of <paramref name="priority"/> that arrives at <paramref name="receivedAt"/>.</summary>
    public DateTimeOffset FirstActionDueFor(Priority priority, DateTimeOffset receivedAt) => receivedAt + FirstActionDue[priority];
}
