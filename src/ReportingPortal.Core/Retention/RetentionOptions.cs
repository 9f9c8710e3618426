namespace ReportingPortal.Core.Retention;

/// <summary>How long what a report says is kept, and how long the portal's working records are kept.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>How long after a case is closed its content (what the reporter typed, notes, messages) is kept.</summary>
    public TimeSpan ClosedContentKeptFor { get; set; } = TimeSpan.FromDays(90);

    /// <summary>The same for a case closed with <see cref="SpamOutcome"/>.</summary>
    public TimeSpan SpamContentKeptFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The outcome (one of Cases:Outcomes) that marks a report as spam.</summary>
    public string SpamOutcome { get; set; } = "Spam";

    /// <summary>When a report still not closed is shown to administrators as overdue for a decision. It is never deleted.</summary>
    public TimeSpan OpenReportsFlaggedAfter { get; set; } = TimeSpan.FromDays(180);

    /// <summary>How long a row of mail sent is kept (its kind, queue, responder address and fate).</summary>
    public TimeSpan SentMailKeptFor { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How many reports one transaction deletes the content of.</summary>
    public int BatchSize { get; set; } = 200;
}
