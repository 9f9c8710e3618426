namespace ReportingPortal.Core.Statistics;

/// <summary>
/// How fast the cases received in one week (or, with no <see cref="Week"/>, the whole range) were handled: the time from
/// receipt to the first action and to closing, in seconds (median and 90th percentile of the cases that got there), and
/// how many deadlines were met of those already decided (met, or passed without being met).
/// </summary>
public sealed record CaseTimes(
    DateOnly? Week,
    long Cases,
    long FirstActed,
    double? FirstActionMedian,
    double? FirstActionP90,
    long Closed,
    double? CloseMedian,
    double? CloseP90,
    long FirstActionDecided,
    long FirstActionMet,
    long FeedbackDecided,
    long FeedbackMet)
{
    /// <summary>The times of a week without a report.</summary>
    public static CaseTimes NoneIn(DateOnly? week) => new(week, 0, 0, null, null, 0, null, null, 0, 0, 0, 0);

    /// <summary>The share of decided first-action deadlines that were met, from 0 to 1; null when none was decided.</summary>
    public double? FirstActionMetShare => FirstActionDecided == 0 ? null : (double)FirstActionMet / FirstActionDecided;

    /// <summary>The share of decided feedback deadlines that were met, from 0 to 1; null when none was decided.</summary>
    public double? FeedbackMetShare => FeedbackDecided == 0 ? null : (double)FeedbackMet / FeedbackDecided;
}
