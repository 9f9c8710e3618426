using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ReportingPortal.Core.Forwarding;
using ReportingPortal.Core.Statistics;

namespace ReportingPortal.Web.Statistics;

/// <summary>How the console names what statistics count and writes their figures; the CSV export writes the same cells.</summary>
public sealed class StatisticsLabels(IStringLocalizer<ConsoleText> console, IStringLocalizer<SharedResource> shared, IOptions<ForwardingOptions> forwarding)
{
    public string FewerThanTen => console["Statistics.FewerThanTen"];

    public string None => console["Statistics.None"];

    public string Title(StatisticsBreakdown breakdown) => console[$"Statistics.By.{breakdown}"];

    public string Value(StatisticsBreakdown breakdown, string value) => breakdown switch
    {
        StatisticsBreakdown.Category => shared[$"Statistics.Category.{value}"],
        StatisticsBreakdown.Priority => console[$"Statistics.Priority.{value}"],
        StatisticsBreakdown.ReporterRole => console[$"Statistics.ReporterRole.{value}"],
        StatisticsBreakdown.Queue => forwarding.Value.DisplayNameOf(value),
        StatisticsBreakdown.Country => value == "" ? console["Statistics.CountryNotGiven"] : value,
        StatisticsBreakdown.Outcome => value == "" ? console["Statistics.Open"] : console[$"Cases.Outcome.{value}"],
        _ => value,
    };

    public string Count(long count) => SmallCounts.Show(count, FewerThanTen);

    /// <summary>A time in hours (or days from two days on), hidden when it comes from fewer than 10 cases.</summary>
    public string Duration(long cases, double? seconds) => SmallCounts.ShowFigure(cases, seconds, value =>
        value < TimeSpan.FromDays(2).TotalSeconds
            ? console["Statistics.Hours", (value / 3600).ToString("0.0", CultureInfo.InvariantCulture)]
            : console["Statistics.Days", (value / 86400).ToString("0.0", CultureInfo.InvariantCulture)], FewerThanTen, None);

    /// <summary>A share as a whole percentage, hidden when it comes from fewer than 10 decided deadlines.</summary>
    public string Share(long decided, double? share) => SmallCounts.ShowFigure(decided, share,
        value => (value * 100).ToString("0", CultureInfo.InvariantCulture) + " %", FewerThanTen, None);

    /// <summary>The same time for the CSV: hours with two decimals.</summary>
    public string Hours(long cases, double? seconds) => SmallCounts.ShowFigure(cases, seconds,
        value => (value / 3600).ToString("0.00", CultureInfo.InvariantCulture), FewerThanTen, "");

    /// <summary>The same share for the CSV: a percentage with one decimal.</summary>
    public string Percent(long decided, double? share) => SmallCounts.ShowFigure(decided, share,
        value => (value * 100).ToString("0.0", CultureInfo.InvariantCulture), FewerThanTen, "");
}
