using System.Globalization;
using System.Text;

namespace ReportingPortal.Benchmarks;

/// <summary>One table: each figure beside the raw limit measured in the same run, the ratio, and the target.</summary>
public static class BenchmarkReport
{
    public static int Write(Arguments options)
    {
        var r = Results.Read(options.Text("results"));
        double Get(string key) => r.GetValueOrDefault(key, double.NaN);
        var concurrency = Get("submit_concurrency");

        var rows = new List<(string Measure, double Portal, double Raw, string Unit, bool HigherIsBetter, string Target, bool? Met)>
        {
            ($"Submissions per second ({concurrency} at once)", Get("submit_per_second"), Get("pgbench_tps"), "/s", true, "≥ 1,000/s", Get("submit_per_second") >= 1000),
        };
        foreach (var p in new[] { 50, 95, 99 })
            rows.Add(($"Submission (POST) latency p{p}", Get($"submit_post_p{p}_ms"), Get($"pgbench_p{p}_ms"), "ms", false,
                p == 99 ? "≤ 100 ms" : "", p == 99 ? Get("submit_post_p99_ms") <= 100 : null));
        foreach (var p in new[] { 50, 95, 99 })
            rows.Add(($"Form + submission latency p{p}", Get($"submit_form_and_post_p{p}_ms"), double.NaN, "ms", false, "", null));
        foreach (var p in new[] { 50, 95, 99 })
            rows.Add(($"Acknowledgement latency p{p} at {Get("ack_rate"):0}/s", Get($"ack_latency_p{p}_ms"), Get($"raw_steady_latency_p{p}_ms"), "ms", false,
                p == 95 ? "≤ 2,000 ms" : "", p == 95 ? Get("ack_latency_p95_ms") <= 2000 : null));
        rows.Add(($"Mail backlog drain ({Get("drain_count"):N0} emails of {Get("backlog_reports"):N0} reports)", Get("drain_per_second"),
            Get("raw_window_per_second"), "emails/s", true, "≥ 70% of raw", Get("drain_per_second") / Get("raw_window_per_second") >= 0.7));
        foreach (var (page, name) in new[] { ("inbox", "Inbox (GET /console)"), ("case", "Case page (GET /console/cases/{reference})") })
            foreach (var p in new[] { 50, 95 })
                rows.Add(($"{name} p{p}, {Get("console_reports"):N0} reports", Get($"console_{page}_p{p}_ms"), double.NaN, "ms", false,
                    p == 95 ? "≤ 100 ms" : "", p == 95 ? Get($"console_{page}_p95_ms") <= 100 : null));
        rows.Add(("Site peak RSS (VmHWM)", Get("site_peak_rss_mb"), double.NaN, "MB", false, "≤ 300 MB", Get("site_peak_rss_mb") <= 300));

        var table = new StringBuilder();
        table.AppendLine("| measure | portal | raw limit | portal ÷ raw | target | met |");
        table.AppendLine("|---|---:|---:|---:|---|---|");
        foreach (var row in rows)
        {
            var ratio = double.IsNaN(row.Raw) ? "" : (row.Portal / row.Raw).ToString(row.HigherIsBetter ? "P0" : "0.0'×'", CultureInfo.InvariantCulture);
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Measure} | {Format(row.Portal)} {row.Unit} | {(double.IsNaN(row.Raw) ? "" : $"{Format(row.Raw)} {row.Unit}")} | {ratio} | {row.Target} | {row.Met switch { true => "yes", false => "**no**", null => "" }} |");
        }

        var text = new StringBuilder();
        text.AppendLine("# Latest benchmark");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by `deploy/local/bench.sh` on {options.Text("machine", "this machine")}.");
        text.AppendLine();
        text.Append(table);
        text.AppendLine();
        text.AppendLine("Raw limits, measured in the same run: submissions against `pgbench` inserting one 2 KB row per transaction " +
                        "with the same number of clients; acknowledgement latency against MailKit alone sending one message " +
                        "every 10 ms over one connection (send → server accepted); the backlog against MailKit alone sending " +
                        "the same number of messages over as many connections as the site keeps. All mail goes to the same " +
                        "SMTP sink (aiosmtpd, `tests/ReportingPortal.Testing/smtp_server.py`).");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Failed submissions: {Get("submit_failed")} under load, {Get("ack_failed")} at a steady rate; acknowledgements never seen: {Get("ack_missing")}; console pages that did not answer 200: {Get("console_failed")}.");
        if (options.Text("note", "") is { Length: > 0 } note)
        {
            text.AppendLine();
            text.AppendLine(note);
        }

        Console.WriteLine();
        Console.Write(table);
        var output = options.Text("out");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.WriteAllText(output, text.ToString());
        return 0;
    }

    private static string Format(double value) =>
        double.IsNaN(value) ? "–" : value.ToString(value >= 100 ? "N0" : "0.0", CultureInfo.InvariantCulture);
}
