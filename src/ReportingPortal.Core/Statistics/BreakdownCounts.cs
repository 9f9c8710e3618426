namespace ReportingPortal.Core.Statistics;

/// <summary>
/// Reports counted by one <see cref="StatisticsBreakdown"/> in each period (a week or a quarter, named by its first
/// day). <see cref="Values"/> lists every value shown, in order, including those with no report; an empty value is a
/// country not given or, for outcomes, a case not closed.
/// </summary>
public sealed record BreakdownCounts(StatisticsBreakdown Breakdown, IReadOnlyList<string> Values,
    IReadOnlyDictionary<(string Value, DateOnly Period), long> Counts)
{
    public long Count(string value, DateOnly period) => Counts.GetValueOrDefault((value, period));
}
