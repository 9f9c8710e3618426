using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace ReportingPortal.Benchmarks;

/// <summary>
/// Closed-loop load on the real submission path: each of C reporters opens the form and sends it, again and again,
/// until N reports were sent. The first W are a warm-up and not counted in the figures.
/// </summary>
public static class SubmissionLoad
{
    public static async Task<int> Run(Arguments options)
    {
        var site = new Uri(options.Text("url"));
        var concurrency = options.Number("concurrency");
        var count = options.Number("count");
        var warmup = options.Number("warmup", 0);
        var next = -1;
        var posts = new ConcurrentBag<double>();
        var pairs = new ConcurrentBag<double>();
        var failures = new ConcurrentDictionary<string, int>();
        long measuredStart = 0, measuredEnd = 0;

        async Task Reporter()
        {
            using var session = new ReporterSession(site);
            while (true)
            {
                var n = Interlocked.Increment(ref next);
                if (n >= count)
                    return;
                if (n == warmup)
                    Interlocked.CompareExchange(ref measuredStart, Stopwatch.GetTimestamp(), 0);
                try
                {
                    var started = Stopwatch.GetTimestamp();
                    var fields = await session.OpenForm();
                    TypicalReports.FillIn(fields, TypicalReports.Number(n));
                    var posting = Stopwatch.GetTimestamp();
                    var status = await session.Send(fields);
                    var done = Stopwatch.GetTimestamp();
                    if (status != HttpStatusCode.SeeOther)
                    {
                        failures.AddOrUpdate($"POST {(int)status}", 1, (_, c) => c + 1);
                        continue;
                    }
                    if (n >= warmup)
                    {
                        posts.Add(Stopwatch.GetElapsedTime(posting, done).TotalMilliseconds);
                        pairs.Add(Stopwatch.GetElapsedTime(started, done).TotalMilliseconds);
                        Interlocked.Exchange(ref measuredEnd, done);
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    failures.AddOrUpdate(exception.GetType().Name, 1, (_, c) => c + 1);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Reporter)));

        var seconds = Stopwatch.GetElapsedTime(measuredStart, measuredEnd).TotalSeconds;
        foreach (var (kind, number) in failures)
            Console.Error.WriteLine($"failures: {kind} x {number}");
        Results.Append(options.Text("results"), "submit",
            new (string, double)[]
            {
                ("concurrency", concurrency),
                ("count", posts.Count),
                ("failed", failures.Values.Sum()),
                ("seconds", seconds),
                ("per_second", posts.Count / seconds),
            }
            .Concat(Percentiles.Of("post", posts))
            .Concat(Percentiles.Of("form_and_post", pairs)));
        return failures.IsEmpty ? 0 : 1;
    }
}
