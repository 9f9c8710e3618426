using System.Globalization;

namespace ReportingPortal.Benchmarks;

/// <summary>
/// The folder the SMTP sink (tests/ReportingPortal.Testing/smtp_server.py) writes: one file per
/// accepted message, named by the time the server accepted it (Unix nanoseconds).
/// </summary>
public static class MailSink
{
    public sealed record Accepted(string File, long AcceptedAtUnixNs);

    public static IReadOnlyList<Accepted> Messages(string folder, long afterUnixNs = 0) =>
        Directory.EnumerateFiles(folder, "*.eml")
            .Where(file => !Path.GetFileName(file).StartsWith('.'))
            .Select(file => new Accepted(file, long.Parse(Path.GetFileName(file)[..20], CultureInfo.InvariantCulture)))
            .Where(message => message.AcceptedAtUnixNs >= afterUnixNs)
            .OrderBy(message => message.AcceptedAtUnixNs)
            .ToList();

    /// <summary>The Message-Id header, read from the message's headers only.</summary>
    public static string? MessageId(string file)
    {
        foreach (var line in File.ReadLines(file))
        {
            if (line.Length == 0)
                return null;
            if (line.StartsWith("Message-Id:", StringComparison.OrdinalIgnoreCase))
                return line["Message-Id:".Length..].Trim().Trim('<', '>');
        }
        return null;
    }

    public static long NowUnixNs() => (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;

    /// <summary>How many messages the sink accepted after a moment, and at what rate from the first to the last.</summary>
    public static int Window(Arguments options)
    {
        var messages = Messages(options.Text("mail-dir"), options.Long("after"));
        var seconds = messages.Count < 2 ? double.NaN : (messages[^1].AcceptedAtUnixNs - messages[0].AcceptedAtUnixNs) / 1e9;
        Results.Append(options.Text("results"), options.Text("prefix"),
        [
            ("count", messages.Count),
            ("seconds", seconds),
            ("per_second", (messages.Count - 1) / seconds),
        ]);
        return 0;
    }
}
