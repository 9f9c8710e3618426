using System.Diagnostics;
using MimeKit;

namespace ReportingPortal.Testing;

/// <summary>
/// A real SMTP server (Debian's aiosmtpd) on a loopback port, started and stopped by the tests. Every accepted
/// message is kept as a file, read back here in the order it arrived.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"rp-smtp-{Guid.NewGuid():N}");
    private Process? _process;

    private SmtpServer(int port) => Port = port;

    public int Port { get; }

    private static SmtpServer? _shared;

    /// <summary>The SMTP server a whole test run shares, which portals get unless a test gives them their own.</summary>
    public static SmtpServer Shared => _shared ?? throw new InvalidOperationException("The shared SMTP server is not started.");

    public static async Task StartShared() => _shared = await Start();

    public static async Task StopShared()
    {
        if (_shared is not null)
            await _shared.DisposeAsync();
        _shared = null;
    }

    public static async Task<SmtpServer> Start()
    {
        for (var attempt = 1; ; attempt++)
        {
            var server = new SmtpServer(LoopbackPorts.Pick());
            try
            {
                await server.Resume();
                return server;
            }
            catch (InvalidOperationException failure) when (attempt < 5 && LoopbackPorts.SaysPortTaken(failure.Message))
            {
                await server.DisposeAsync();
            }
        }
    }

    /// <summary>The portal settings that send its mail here.</summary>
    public Dictionary<string, string> PortalSettings() => new()
    {
        ["Smtp__Host"] = "127.0.0.1",
        ["Smtp__Port"] = Port.ToString(),
        ["Smtp__Security"] = "None",
        ["Smtp__From"] = "Report child abuse <no-reply@portal.test>",
    };

    /// <summary>Starts listening again on the same port, keeping the messages received so far.</summary>
    public async Task Resume()
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Repository.Root, "tests", "ReportingPortal.Testing", "smtp_server.py"));
        start.ArgumentList.Add(Port.ToString());
        start.ArgumentList.Add(_folder);
        _process = Process.Start(start)!;
        var ready = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        if (ready != "ready")
            throw new InvalidOperationException("The SMTP server did not start: " + await _process.StandardError.ReadToEndAsync());
    }

    /// <summary>Stops listening, as a mail server that is down would.</summary>
    public async Task Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public IReadOnlyList<MimeMessage> Messages() =>
        Directory.Exists(_folder)
            ? Directory.GetFiles(_folder, "*.eml")
                // "*.eml" also matches the hidden files a message is written to before it is renamed into place.
                .Where(file => !Path.GetFileName(file).StartsWith('.'))
                .Order(StringComparer.Ordinal).Select(file => MimeMessage.Load(file)).ToList()
            : [];

    /// <summary>How many messages were accepted so far, without reading them.</summary>
    public int Count() =>
        Directory.Exists(_folder) ? Directory.EnumerateFiles(_folder, "*.eml").Count(file => !Path.GetFileName(file).StartsWith('.')) : 0;

    /// <summary>Waits until the messages received satisfy <paramref name="done"/>, and returns them.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitFor(Func<IReadOnlyList<MimeMessage>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var messages = Messages();
            if (done(messages))
                return messages;
            if (deadline.Elapsed > (timeout ?? TimeSpan.FromSeconds(30)))
                throw new TimeoutException($"Timed out waiting for mail; received {messages.Count}: " +
                                           string.Join(", ", messages.Select(m => $"{m.To} '{m.Subject}'")));
            await Task.Delay(100);
        }
    }

    public Task<IReadOnlyList<MimeMessage>> WaitForMessagesTo(string address, int count = 1, TimeSpan? timeout = null) =>
        WaitFor(messages => messages.Count(message => IsTo(message, address)) >= count, timeout);

    public static bool IsTo(MimeMessage message, string address) =>
        message.To.Mailboxes.Any(mailbox => string.Equals(mailbox.Address, address, StringComparison.OrdinalIgnoreCase));

    public async ValueTask DisposeAsync()
    {
        await Stop();
        _process?.Dispose();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}
