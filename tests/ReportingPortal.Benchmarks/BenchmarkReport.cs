using System.Globalization;
using System.Text;

namespace ReportingPortal.Benchmarks;

/// <summary>One table: each figure beside the raw limit measured in the same run, the ratio, and the target.</summary>
public static class BenchmarkReport
{
    private sealed record Row(string Measure, double Portal, double Raw, string Unit, bool HigherIsBetter, string Target = "", bool? Met = null);

    public static int Write(Arguments options)
    {
        var r = Results.Read(options.Text("results"));
        double Get(string key) => r.GetValueOrDefault(key, double.NaN);
        var quick = Get("quick") == 1;

        var rows = new List<Row>
        {
            new($"Submissions per second ({Get("submit_concurrency")} at once)", Get("submit_per_second"), Get("pgbench_tps"), "/s", true,
                "≥ 1,000/s", Get("submit_per_second") >= 1000),
        };
        foreach (var p in new[] { 50, 95, 99 })
            rows.Add(new($"Submission (POST) latency p{p}", Get($"submit_post_p{p}_ms"), Get($"pgbench_p{p}_ms"), "ms", false,
                p == 99 ? "≤ 100 ms" : "", p == 99 ? Get("submit_post_p99_ms") <= 100 : null));
        foreach (var p in new[] { 50, 95, 99 })
            rows.Add(new($"Form + submission latency p{p}", Get($"submit_form_and_post_p{p}_ms"), double.NaN, "ms", false));
        foreach (var rate in new[] { 100, 200 })
            foreach (var p in new[] { 50, 95, 99 })
            {
                var target = rate == 100 && p == 95;
                rows.Add(new($"Acknowledgement latency p{p} at {rate}/s{Offered(Get($"ack{rate}_rate"), rate)} for {Get("ack_seconds"):0} s",
                    Get($"ack{rate}_latency_p{p}_ms"), Get($"raw_steady{rate}_latency_p{p}_ms"), "ms", false,
                    target ? "≤ 2,000 ms" : "", target ? Get($"ack{rate}_latency_p{p}_ms") <= 2000 : null));
            }
        foreach (var (prefix, what) in new[]
                 {
                     ("drain1", "one worker process, JSON attachments on"),
                     ("drain1plain", "one worker process, JSON attachments off"),
                     ("drain2", "two worker processes, JSON attachments on"),
                 })
        {
            var portal = Get($"{prefix}_per_second");
            var raw = Get($"raw_{prefix}_window_per_second");
            var target = prefix == "drain1";
            rows.Add(new($"Mail backlog drain, {what} " +
                         $"({Get($"{prefix}_count"):N0} emails of {Get($"{prefix}_backlog_reports"):N0} reports; raw over {Get($"raw_{prefix}_connections"):0} connections)",
                portal, raw, "emails/s", true, target ? "≥ 70% of raw" : "", target ? portal / raw >= 0.7 : null));
        }
        // Where the two cores went in the first drain and in MailKit's alone: what the drain's share of raw is made of.
        var cpu = "CPU per email in the drain with one worker process (raw: per message)";
        rows.Add(new($"{cpu}: the worker (raw: MailKit)", Get("drain1_cpu_worker_ms"), Get("raw_drain1_cpu_ms_per_message"), "ms", false));
        rows.Add(new($"{cpu}: PostgreSQL", Get("drain1_cpu_postgres_ms"), double.NaN, "ms", false));
        rows.Add(new($"{cpu}: the SMTP sink", Get("drain1_cpu_sink_ms"), Get("raw_drain1_cpu_sink_ms"), "ms", false));
        rows.Add(new($"{cpu}: the rest of the machine (site, kernel, the benchmark)", Get("drain1_cpu_other_ms"), Get("raw_drain1_cpu_other_ms"), "ms", false));
        rows.Add(new($"The machine's {Environment.ProcessorCount} cores busy during that drain (raw: while MailKit alone sent)", Get("drain1_cpu_busy_percent"), Get("raw_drain1_cpu_busy_percent"), "%", true));
        rows.Add(new("JSON attachments: drain with them ÷ without (one worker process)", Get("drain1_per_second") / Get("drain1plain_per_second"),
            double.NaN, "×", true));
        rows.Add(new("Scale-out: drain with two worker processes ÷ with one", Get("drain2_per_second") / Get("drain1_per_second"), double.NaN, "×", true));
        foreach (var (page, name) in new[] { ("inbox", "Inbox (GET /console)"), ("case", "Case page (GET /console/cases/{reference})") })
            foreach (var p in new[] { 50, 95 })
                rows.Add(new($"{name} p{p}, {Get("console_reports"):N0} reports", Get($"console_{page}_p{p}_ms"), double.NaN, "ms", false,
                    p == 95 ? "≤ 100 ms" : "", p == 95 ? Get($"console_{page}_p95_ms") <= 100 : null));
        rows.Add(new("Web site peak RSS (VmHWM, whole run)", Get("site_peak_rss_mb"), double.NaN, "MB", false, "≤ 300 MB", Get("site_peak_rss_mb") <= 300));
        rows.Add(new("Worker peak RSS (VmHWM, highest worker process)", Get("worker_peak_rss_mb"), double.NaN, "MB", false, "≤ 300 MB", Get("worker_peak_rss_mb") <= 300));

        var table = new StringBuilder();
        table.AppendLine("| measure | portal | raw limit | portal ÷ raw | target | met |");
        table.AppendLine("|---|---:|---:|---:|---|---|");
        foreach (var row in rows)
        {
            var ratio = double.IsNaN(row.Raw) ? "" : Ratio(row.Portal / row.Raw, row.HigherIsBetter);
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Measure} | {Format(row.Portal)} {row.Unit} | {(double.IsNaN(row.Raw) ? "" : $"{Format(row.Raw)} {row.Unit}")} | {ratio} | {row.Target} | {row.Met switch { true => "yes", false => "**no**", null => "" }} |");
        }

        var title = quick ? "# Latest benchmark — QUICK MODE (smaller phases, for checking a change; not the figures of record)" : "# Latest benchmark";
        var text = new StringBuilder();
        text.AppendLine(title);
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by `deploy/local/bench.sh{(quick ? " --quick" : "")}` on {options.Text("machine", "this machine")}.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"What else was running: load average (1, 5, 15 min) {options.Text("load-start", "?")} at the start and {options.Text("load-end", "?")} at the end; " +
            $"dotnet and PostgreSQL processes not started by the benchmark: {options.Text("others-start", "?")} at the start, {options.Text("others-end", "?")} at the end.");
        text.AppendLine();
        text.Append(table);
        text.AppendLine();
        text.AppendLine("The site runs with its job server off (`Jobs:RunServerInWebSite=false`) and the worker " +
                        "(`src/ReportingPortal.Worker`) as its own process, as deployed; each keeps up to 8 SMTP connections. " +
                        "Raw limits, measured in the same run: submissions against `pgbench` inserting one 2 KB row per transaction " +
                        "with the same number of clients; acknowledgement latency against MailKit alone sending one message " +
                        "every 10 ms (100/s) or 5 ms (200/s) over one connection (send → server accepted); each backlog against MailKit " +
                        "alone sending the very messages the portal had just delivered over as many connections as its worker processes keep " +
                        "(8 each), Nagle's algorithm off on both, so with JSON attachments raw MailKit sends them too. " +
                        "Every forward carries its JSON attachment (`Forwarding:JsonAttachment`, on by default) except in the drain measured " +
                        "with it off, a backlog of its own. The submission figures follow a warm-up, and each acknowledgement rate " +
                        "was held 5 s before it was measured, and each drain started once the site had stopped compiling after the " +
                        "submissions before it. " +
                        "All mail goes to the same SMTP sink (aiosmtpd, `tests/ReportingPortal.Testing/smtp_server.py`), which keeps " +
                        "each message as a file in memory (`/dev/shm`). " +
                        "CPU per email is user and system time from `/proc` over the first drain, from the moment its worker had " +
                        "started to the last email, divided by the emails accepted in that time (PostgreSQL: every server process, " +
                        "ended ones included; the rest: the machine's busy time less the three); beside it, raw MailKit's own and " +
                        "the sink's over the sending alone, per message. Both share the same cores, so the drain's share of raw " +
                        "is about raw's CPU per message ÷ the drain's per email, times the ratio of how busy the cores were.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Scale-out: each backlog is the mail of {Get("drain1_backlog_reports"):N0} and {Get("drain2_backlog_reports"):N0} reports submitted " +
            $"with no worker running. Both worker processes share this machine's {Environment.ProcessorCount} cores with the site, PostgreSQL, the SMTP " +
            $"sink and each other, so the two-worker figure shows what a second process on the same database adds here, not " +
            $"the CPU of a second machine: above 1× the database and the mail server leave room for more workers; near 1× " +
            $"the cores are the limit (a second machine would then help) or the workers contend on the database (it would not).");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Failed submissions: {Get("submit_failed")} under load, {Get("ack100_failed")} at 100/s and {Get("ack200_failed")} at 200/s; " +
            $"acknowledgements not seen within {Get("ack100_wait_seconds"):0} s of the last submission: {Get("ack100_missing")} at 100/s and " +
            $"{Get("ack200_missing")} at 200/s (counted as ∞ in the percentiles); console pages that did not answer 200: {Get("console_failed")}.");
        if (options.Text("note", "") is { Length: > 0 } note)
        {
            text.AppendLine();
            text.AppendLine(note);
        }

        Console.WriteLine();
        Console.WriteLine(title);
        Console.Write(table);
        var output = options.Text("out");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.WriteAllText(output, text.ToString());
        return 0;
    }

    /// <summary>Says so when the load generator, short of CPU, offered visibly less than the rate asked.</summary>
    private static string Offered(double offered, int rate) =>
        offered < rate * 0.95 ? string.Create(CultureInfo.InvariantCulture, $" (only {offered:0}/s offered)") : "";

    private static string Ratio(double ratio, bool higherIsBetter) =>
        double.IsPositiveInfinity(ratio) ? "∞" : ratio.ToString(higherIsBetter ? "P0" : "#,0.0'×'", CultureInfo.InvariantCulture);

    private static string Format(double value) =>
        double.IsNaN(value) ? "–"
        : double.IsPositiveInfinity(value) ? "∞"
        : value.ToString(value >= 100 ? "N0" : value < 1 ? "0.00" : "0.0", CultureInfo.InvariantCulture);
}
