namespace ReportingPortal.Core.Statistics;

/// <summary>
/// The one rule for small numbers in statistics: a count from 1 to 9 is never shown, only "fewer than 10", so no
/// figure points at a handful of children or reporters. Zero is shown as 0. A figure derived from cases (a median, a
/// share) is shown only when it comes from at least 10 of them.
/// </summary>
public static class SmallCounts
{
    public const int Minimum = 10;

    /// <summary>Whether <paramref name="count"/> is shown only as "fewer than 10".</summary>
    public static bool Hides(long count) => count is > 0 and < Minimum;

    /// <summary>Whether a median or a share computed from <paramref name="cases"/> cases may be shown.</summary>
    public static bool AllowsFigureFrom(long cases) => cases >= Minimum;

    /// <summary><paramref name="count"/> as shown, or <paramref name="fewerThanMinimum"/> when it is hidden.</summary>
    public static string Show(long count, string fewerThanMinimum) =>
        Hides(count) ? fewerThanMinimum : count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A figure computed from <paramref name="cases"/> cases as shown: <paramref name="none"/> when there were none,
    /// <paramref name="fewerThanMinimum"/> when there were fewer than 10, otherwise the figure written by <paramref name="format"/>.
    /// </summary>
    public static string ShowFigure(long cases, double? figure, Func<double, string> format, string fewerThanMinimum, string none) =>
        cases <= 0 || figure is null ? none : AllowsFigureFrom(cases) ? format(figure.Value) : fewerThanMinimum;
}
