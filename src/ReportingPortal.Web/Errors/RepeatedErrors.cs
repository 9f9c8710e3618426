namespace ReportingPortal.Web.Errors;

/// <summary>
/// Limits the log of an error that happens again and again (the same exception type thrown at the same place): its
/// stack trace is written the first time, then at most one summary line per <see cref="Interval"/> with how many
/// times it happened, so a request that fails every time cannot fill the disk. Thread-safe; memory is bounded.
/// </summary>
public sealed class RepeatedErrors(TimeSpan interval, TimeSpan fullTraceEvery, int maxErrors = 1000)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan DefaultFullTraceEvery = TimeSpan.FromHours(1);

    private readonly Dictionary<string, Seen> _seen = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public RepeatedErrors() : this(DefaultInterval, DefaultFullTraceEvery)
    {
    }

    public TimeSpan Interval { get; } = interval;

    /// <summary>
    /// Counts one occurrence of the error <paramref name="key"/> at <paramref name="now"/> and says what to write;
    /// <paramref name="times"/> is how many occurrences the line stands for (this one and those not written since the last line).
    /// </summary>
    public ErrorLogLine Record(string key, DateTimeOffset now, out long times)
    {
        lock (_lock)
        {
            if (!_seen.TryGetValue(key, out var seen))
            {
                // Distinct errors are few (one per place in the code); forgetting them all only writes traces again.
                if (_seen.Count >= maxErrors)
                    _seen.Clear();
                _seen[key] = new Seen { LastLine = now, LastFullTrace = now };
                times = 1;
                return ErrorLogLine.InFull;
            }

            seen.NotWritten++;
            if (now - seen.LastLine < Interval)
            {
                times = 0;
                return ErrorLogLine.None;
            }

            times = seen.NotWritten;
            seen.NotWritten = 0;
            seen.LastLine = now;
            if (now - seen.LastFullTrace < fullTraceEvery)
                return ErrorLogLine.Summary;
            seen.LastFullTrace = now;
            return ErrorLogLine.InFull;
        }
    }

    /// <summary>What makes two errors the same: the exception's type and the method that threw it.</summary>
    public static string KeyOf(Exception exception)
    {
        var site = exception.TargetSite is { } method ? $"{method.DeclaringType?.FullName}.{method.Name}" : "an unknown method";
        return $"{exception.GetType().FullName} in {site}";
    }

    private sealed class Seen
    {
        public DateTimeOffset LastLine { get; set; }
        public DateTimeOffset LastFullTrace { get; set; }
        public long NotWritten { get; set; }
    }
}
