namespace ReportingPortal.Core.Statistics;

/// <summary>The console's statistics for a range of weeks: reports by each breakdown, and case times per week and in all.</summary>
public sealed record WeeklyStatistics(StatisticsWeeks Weeks, IReadOnlyList<BreakdownCounts> Breakdowns,
    IReadOnlyList<CaseTimes> Times)
{
    public CaseTimes? TimesOf(DateOnly week) => Times.FirstOrDefault(times => times.Week == week);

    public CaseTimes? WholeRange => Times.FirstOrDefault(times => times.Week is null);
}
