namespace ReportingPortal.Core.Statistics;

/// <summary>
/// The public page's figures: the last <see cref="Quarters"/> whole quarters, never the current one (a count that
/// moves from day to day could tell someone watching that one report arrived). Read once and kept for
/// <see cref="KeepFor"/>, so however often the page is opened the database counts them rarely.
/// </summary>
public sealed class PublicStatistics(StatisticsQuery query, TimeProvider time)
{
    public const int Quarters = 8;

    public static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _reading = new(1, 1);
    private (QuarterlyStatistics Statistics, DateTimeOffset ReadAt)? _kept;

    public async Task<QuarterlyStatistics> Read(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var first = FirstQuarter(DateOnly.FromDateTime(now.UtcDateTime));
        if (Fresh(first, now) is { } kept)
            return kept;
        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(first, now) is { } keptMeanwhile)
                return keptMeanwhile;
            var counts = await query.Quarterly(first, Quarters, cancellationToken);
            var statistics = new QuarterlyStatistics(Enumerable.Range(0, Quarters).Select(quarter => first.AddMonths(3 * quarter)).ToList(),
                counts.Single(breakdown => breakdown.Breakdown == StatisticsBreakdown.Category),
                counts.Single(breakdown => breakdown.Breakdown == StatisticsBreakdown.Outcome));
            _kept = (statistics, now);
            return statistics;
        }
        finally
        {
            _reading.Release();
        }
    }

    /// <summary>The first day of the oldest quarter shown on <paramref name="today"/>.</summary>
    public static DateOnly FirstQuarter(DateOnly today) => new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1).AddMonths(-3 * Quarters);

    private QuarterlyStatistics? Fresh(DateOnly first, DateTimeOffset now) =>
        _kept is { } kept && kept.Statistics.Quarters[0] == first && now - kept.ReadAt < KeepFor ? kept.Statistics : null;
}
