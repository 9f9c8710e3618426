using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace ReportingPortal.Benchmarks;

/// <summary>
/// The raw limit for mail: MailKit alone sending messages the size of a forward to the same SMTP server,
/// either as fast as K reused connections go, or at a steady rate over one connection. With --like-dir it sends the
/// very messages the portal delivered there (after --like-after), read into memory before the clock starts.
/// </summary>
public static class RawMail
{
    private static readonly string Body = string.Join('\n', Enumerable.Repeat(
        "Someone has been sending messages to a child I know, asking for pictures and to keep it a secret.", 15));

    public static async Task<int> Run(Arguments options)
    {
        var host = options.Text("host");
        var port = options.Number("port");
        var count = options.Number("count");
        var connections = options.Number("connections", 1);
        var rate = options.Number("rate", 0);
        var delivered = options.Has("like-dir") ? Delivered(options.Text("like-dir"), options.Long("like-after")) : [];
        var latencies = new ConcurrentBag<double>();
        var next = -1;
        var clock = Stopwatch.StartNew();
        // The CPU of the sending alone (not of starting up and reading the messages): its own, the SMTP server's when
        // --sink-pid names it, and the machine's, to set beside the portal's per email.
        var sinkPid = options.Number("sink-pid", 0);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var sinkBefore = sinkPid > 0 ? MachineCpu.Process(sinkPid) : double.NaN;
        var machineBefore = MachineCpu.Machine();

        async Task Connection()
        {
            using var client = new SmtpClient();
            // Nagle's algorithm off, as the portal's sender has it: otherwise a message larger than one write waits ~40 ms.
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(host, port);
            await client.ConnectAsync(socket, host, port, SecureSocketOptions.None);
            // SIZE off, as the portal's sender has it: MailKit would otherwise write each message twice.
            client.Capabilities &= ~SmtpCapabilities.Size;
            while (true)
            {
                var n = Interlocked.Increment(ref next);
                if (n >= count)
                    break;
                if (rate > 0)
                {
                    var due = TimeSpan.FromSeconds((double)n / rate) - clock.Elapsed;
                    if (due > TimeSpan.Zero)
                        await Task.Delay(due);
                }
                var started = Stopwatch.GetTimestamp();
                await client.SendAsync(delivered.Count > 0 ? delivered[n % delivered.Count] : Message(n));
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            await client.DisconnectAsync(quit: true);
        }

        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(Connection)));
        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var sink = sinkPid > 0 ? MachineCpu.Process(sinkPid) - sinkBefore : double.NaN;
        var machine = MachineCpu.Machine();
        var busy = machine.BusyMs - machineBefore.BusyMs;
        Results.Append(options.Text("results"), options.Text("prefix"),
            new (string, double)[]
            {
                ("connections", connections),
                ("count", latencies.Count),
                ("seconds", seconds),
                ("per_second", latencies.Count / seconds),
                ("cpu_ms_per_message", cpu / latencies.Count),
                ("cpu_sink_ms", sink / latencies.Count),
                ("cpu_other_ms", (busy - cpu - sink) / latencies.Count),
                ("cpu_busy_percent", 100 * busy / (machine.TotalMs - machineBefore.TotalMs)),
            }
            .Concat(Percentiles.Of("latency", latencies)));
        return 0;
    }

    // At most this many distinct messages are read; a larger count sends them again in turn.
    private const int MostDelivered = 2000;

    private static List<MimeMessage> Delivered(string folder, long afterUnixNs) =>
        MailSink.Messages(folder, afterUnixNs).Take(MostDelivered).Select(accepted =>
        {
            var message = MimeMessage.Load(accepted.File);
            // The sink's own line, not the portal's.
            message.Headers.Remove("X-Envelope-To");
            return message;
        }).ToList();

    private static MimeMessage Message(int n)
    {
        var message = new MimeMessage
        {
            Subject = $"[NORMAL] Report RAW-{n:D8}",
            MessageId = $"raw-{n}.forward@bench.example",
        };
        message.From.Add(MailboxAddress.Parse("no-reply@bench.example"));
        message.To.Add(MailboxAddress.Parse("duty@childwelfare.example"));
        var body = new BodyBuilder
        {
            TextBody = $"Report RAW-{n:D8}\n\n{Body}",
            HtmlBody = $"<html><body><h1>Report RAW-{n:D8}</h1><p>{Body}</p></body></html>",
        };
        message.Body = body.ToMessageBody();
        return message;
    }
}
