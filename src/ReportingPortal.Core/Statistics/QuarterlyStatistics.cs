namespace ReportingPortal.Core.Statistics;

/// <summary>The public page's figures: reports of every queue by category and by outcome, in whole quarters, oldest first.</summary>
public sealed record QuarterlyStatistics(IReadOnlyList<DateOnly> Quarters, BreakdownCounts Categories, BreakdownCounts Outcomes);
