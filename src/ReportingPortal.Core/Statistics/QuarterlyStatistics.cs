namespace ReportingPortal.Core.Statistics;

/// <summary>The public page's figures: reports of every queue by category and by outcome, in whole quarters, oldest first.</summary>
public sealed record QuarterlyStatistics(IReadOnlyList<DateOnly> Quarters, BreakdownCounts Categories, BreakdownCounts Outcomes)
{
    /// <summary>The quarter's name, such as 2026 Q1.</summary>
    public static string NameOf(DateOnly quarter) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{quarter.Year} Q{(quarter.Month - 1) / 3 + 1}");
}
