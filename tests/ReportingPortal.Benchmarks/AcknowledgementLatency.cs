using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace ReportingPortal.Benchmarks;

/// <summary>
/// Open-loop load at a steady rate of identified reports; for each, the time from the site's answer to the
/// submission until the SMTP server accepted its acknowledgement (matched by the reference in the Message-ID).
/// An acknowledgement not seen within the wait counts as infinitely late, so a backlog cannot flatter the percentiles.
/// </summary>
public static class AcknowledgementLatency
{
    public static async Task<int> Run(Arguments options)
    {
        var site = new Uri(options.Text("url"));
        var rate = options.Number("rate");
        var seconds = options.Number("seconds");
        var mailDir = options.Text("mail-dir");
        var prefix = options.Text("prefix", "ack");
        var wait = TimeSpan.FromSeconds(options.Number("wait", 120));
        var total = rate * seconds;
        var sessions = new ConcurrentBag<ReporterSession>();
        var answeredAt = new ConcurrentDictionary<string, long>();
        var failures = 0;
        var startedAt = MailSink.NowUnixNs();

        async Task SubmitOne(int n)
        {
            if (!sessions.TryTake(out var session))
                session = new ReporterSession(site);
            try
            {
                var fields = await session.OpenForm();
                TypicalReports.FillIn(fields, TypicalReports.Number(n, $"ack{n}@family.example"));
                var status = await session.Send(fields);
                var answered = MailSink.NowUnixNs();
                var reference = status == HttpStatusCode.SeeOther ? await session.ReadReference() : null;
                if (reference is null)
                    Interlocked.Increment(ref failures);
                else
                    answeredAt[reference.ToLowerInvariant()] = answered;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref failures);
            }
            sessions.Add(session);
        }

        var clock = Stopwatch.StartNew();
        var running = new List<Task>(total);
        for (var n = 0; n < total; n++)
        {
            var due = TimeSpan.FromSeconds((double)n / rate) - clock.Elapsed;
            if (due > TimeSpan.Zero)
                await Task.Delay(due);
            running.Add(SubmitOne(n));
        }
        await Task.WhenAll(running);
        var offered = total / clock.Elapsed.TotalSeconds;

        var latencies = new Dictionary<string, double>();
        var seen = new HashSet<string>();
        var waiting = Stopwatch.StartNew();
        while (latencies.Count < answeredAt.Count && waiting.Elapsed < wait)
        {
            foreach (var message in MailSink.Messages(mailDir, startedAt))
            {
                if (!seen.Add(message.File))
                    continue;
                var id = MailSink.MessageId(message.File);
                var reference = id?.Split('.')[0];
                if (id is not null && id.Contains(".acknowledgement.", StringComparison.Ordinal)
                    && reference is not null && answeredAt.TryGetValue(reference, out var answered))
                    latencies[reference] = (message.AcceptedAtUnixNs - answered) / 1e6;
            }
            await Task.Delay(200);
        }

        var missing = answeredAt.Count - latencies.Count;
        Results.Append(options.Text("results"), prefix,
            new (string, double)[]
            {
                ("rate", offered),
                ("submitted", answeredAt.Count),
                ("failed", failures),
                ("acknowledged", latencies.Count),
                ("missing", missing),
                ("wait_seconds", wait.TotalSeconds),
            }
            .Concat(Percentiles.Of("latency", latencies.Values.Concat(Enumerable.Repeat(double.PositiveInfinity, missing)).ToList())));
        foreach (var session in sessions)
            session.Dispose();
        return failures == 0 && latencies.Count == answeredAt.Count ? 0 : 1;
    }
}
