using System.Globalization;
using ReportingPortal.Core.Statistics;
using ReportingPortal.Web.Shared;

namespace ReportingPortal.Web.Statistics;

/// <summary>
/// The console's statistics as CSV, one figure a line: the table it belongs to, the ISO week (or "all" for the whole
/// range), the week's Monday, what is counted and the figure, with small counts hidden as on the page.
/// </summary>
public static class StatisticsCsv
{
    public static readonly string[] Header = ["table", "iso_week", "week_starts", "item", "figure"];

    public static async Task Write(WeeklyStatistics statistics, StatisticsLabels labels, TextWriter writer)
    {
        await writer.WriteAsync(Csv.Line(Header));
        foreach (var breakdown in statistics.Breakdowns)
        {
            var table = Snake(breakdown.Breakdown.ToString());
            foreach (var week in statistics.Weeks.Mondays)
                foreach (var value in breakdown.Values)
                    await writer.WriteAsync(Csv.Line([table, StatisticsWeeks.IsoName(week), Day(week), Item(breakdown.Breakdown, value),
                        labels.Count(breakdown.Count(value, week))]));
        }
        foreach (var (week, times) in WeeklyModel.TimesByWeek(statistics))
            await WriteTimes(times, week, times.Week ?? statistics.Weeks.FirstMonday, labels, writer);
    }

    private static async Task WriteTimes(CaseTimes times, string week, DateOnly monday, StatisticsLabels labels, TextWriter writer)
    {
        (string Item, string Figure)[] figures =
        [
            ("reports", labels.Count(times.Cases)),
            ("first_actions", labels.Count(times.FirstActed)),
            ("first_action_median_hours", labels.Hours(times.FirstActed, times.FirstActionMedian)),
            ("first_action_p90_hours", labels.Hours(times.FirstActed, times.FirstActionP90)),
            ("closed", labels.Count(times.Closed)),
            ("close_median_hours", labels.Hours(times.Closed, times.CloseMedian)),
            ("close_p90_hours", labels.Hours(times.Closed, times.CloseP90)),
            ("first_action_deadlines_decided", labels.Count(times.FirstActionDecided)),
            ("first_action_deadlines_met_percent", labels.Percent(times.FirstActionDecided, times.FirstActionMetShare)),
            ("feedback_deadlines_decided", labels.Count(times.FeedbackDecided)),
            ("feedback_deadlines_met_percent", labels.Percent(times.FeedbackDecided, times.FeedbackMetShare)),
        ];
        foreach (var (item, figure) in figures)
            await writer.WriteAsync(Csv.Line(["case_times", week, Day(monday), item, figure]));
    }

    /// <summary>A value as stored (a queue's name, an outcome's), or what an empty one means.</summary>
    private static string Item(StatisticsBreakdown breakdown, string value) =>
        value != "" ? value : breakdown == StatisticsBreakdown.Outcome ? "open" : "not given";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Snake(string name) =>
        string.Concat(name.Select((letter, index) => char.IsUpper(letter) && index > 0 ? "_" + char.ToLowerInvariant(letter) : char.ToLowerInvariant(letter).ToString()));
}
