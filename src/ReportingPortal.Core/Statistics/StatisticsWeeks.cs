using System.Globalization;

namespace ReportingPortal.Core.Statistics;

/// <summary>
/// The whole ISO weeks (Monday to Sunday, UTC) statistics are counted in: from the week of <see cref="From"/> to the
/// week of <see cref="To"/>, both included.
/// </summary>
public sealed record StatisticsWeeks
{
    public const int DefaultWeeks = 12;

    /// <summary>About two years: enough to compare a season with the year before, and a bounded query.</summary>
    public const int MostWeeks = 106;

    private StatisticsWeeks(DateOnly firstMonday, int count)
    {
        FirstMonday = firstMonday;
        Count = count;
    }

    public DateOnly FirstMonday { get; }

    public int Count { get; }

    public DateOnly LastSunday => FirstMonday.AddDays(7 * Count - 1);

    /// <summary>The Monday of each week, in order.</summary>
    public IReadOnlyList<DateOnly> Mondays => Enumerable.Range(0, Count).Select(week => FirstMonday.AddDays(7 * week)).ToList();

    /// <summary>The first instant counted (Monday 00:00 UTC of the first week).</summary>
    public DateTimeOffset Start => new(FirstMonday.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The first instant after the range (the Monday after the last week, 00:00 UTC).</summary>
    public DateTimeOffset End => Start.AddDays(7 * Count);

    /// <summary>The week of <paramref name="today"/> and the <see cref="DefaultWeeks"/> − 1 weeks before it.</summary>
    public static StatisticsWeeks Latest(DateOnly today) => new(MondayOf(today).AddDays(-7 * (DefaultWeeks - 1)), DefaultWeeks);

    /// <summary>The weeks from the one of <paramref name="from"/> to the one of <paramref name="to"/>; null when they are backwards or too many.</summary>
    public static StatisticsWeeks? Between(DateOnly from, DateOnly to)
    {
        var first = MondayOf(from);
        var last = MondayOf(to);
        if (last < first)
            return null;
        var count = (last.DayNumber - first.DayNumber) / 7 + 1;
        return count > MostWeeks ? null : new StatisticsWeeks(first, count);
    }

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The ISO 8601 name of the week starting on <paramref name="monday"/>, such as 2026-W05.</summary>
    public static string IsoName(DateOnly monday)
    {
        var date = monday.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}");
    }
}
