using System.Collections.Concurrent;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ReportingPortal.Core.Email;

/// <summary>
/// The one way the portal sends mail: MailKit over a small pool of reused SMTP connections. Sending is synchronous: the
/// delivery jobs run on the job server's own threads, and a blocking send wakes exactly the thread that waits for the
/// server's reply instead of a thread-pool continuation for each of the four replies of a message (half the CPU of a send).
/// </summary>
public sealed class MailSender(IOptions<SmtpOptions> options) : IAsyncDisposable
{
    // Servers drop idle connections; one idle longer than this is closed rather than reused.
    private static readonly TimeSpan MaxIdle = TimeSpan.FromSeconds(20);

    private readonly ConcurrentBag<(SmtpClient Client, DateTime IdleSince)> _idle = [];
    private readonly object _slots = new();
    private int _freeSlots = options.Value.MaxConnections;

    public MailboxAddress Sender { get; } = MailboxAddress.Parse(options.Value.From);

    /// <summary>Sends one message from a request or another asynchronous caller, off its thread.</summary>
    public Task Send(MimeMessage message, CancellationToken cancellationToken) =>
        Task.Run(() =>
        {
            using var connection = Take(cancellationToken);
            connection.Send(message, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// Waits for one of the Smtp:MaxConnections connections and keeps it until disposed, so the caller can record what
    /// it sent before the connection sends anything else.
    /// </summary>
    public SmtpConnection Take(CancellationToken cancellationToken)
    {
        // A monitor rather than a SemaphoreSlim: with twice as many senders as connections, half of them wait here at any
        // time, and SemaphoreSlim spins before it sleeps, CPU the SMTP server and PostgreSQL need on a small machine.
        cancellationToken.ThrowIfCancellationRequested();
        lock (_slots)
        {
            if (_freeSlots == 0)
            {
                // Unregistered, not disposed: disposing waits for a callback that may be waiting for this lock.
                var stopping = cancellationToken.Register(() => { lock (_slots) Monitor.PulseAll(_slots); });
                try
                {
                    while (_freeSlots == 0 && !cancellationToken.IsCancellationRequested)
                        Monitor.Wait(_slots);
                }
                finally
                {
                    stopping.Unregister();
                }
                if (cancellationToken.IsCancellationRequested)
                {
                    // A connection released for this sender goes to the next one waiting.
                    if (_freeSlots > 0)
                        Monitor.Pulse(_slots);
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
            _freeSlots--;
        }
        return new SmtpConnection(this);
    }

    internal void Release()
    {
        lock (_slots)
        {
            _freeSlots++;
            Monitor.Pulse(_slots);
        }
    }

    internal void SendOnPooled(MimeMessage message, CancellationToken cancellationToken)
    {
        var (client, reused) = Rent(cancellationToken);
        try
        {
            SendOn(client, message, cancellationToken);
        }
        catch (Exception exception) when (reused && IsConnectionLost(exception))
        {
            // The server closed a reused connection while it sat idle: try once more on a fresh one.
            SendOn(Connect(cancellationToken), message, cancellationToken);
        }
    }

    /// <summary>Sends on this connection, then pools it again unless the connection itself failed.</summary>
    private void SendOn(SmtpClient client, MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            client.Send(message, cancellationToken);
        }
        catch (SmtpCommandException) when (client.IsConnected)
        {
            // The server refused this message; the connection is still good.
            _idle.Add((client, DateTime.UtcNow));
            throw;
        }
        catch
        {
            Discard(client);
            throw;
        }
        _idle.Add((client, DateTime.UtcNow));
    }

    private (SmtpClient Client, bool Reused) Rent(CancellationToken cancellationToken)
    {
        while (_idle.TryTake(out var idle))
        {
            if (idle.Client.IsConnected && DateTime.UtcNow - idle.IdleSince < MaxIdle)
                return (idle.Client, true);
            Discard(idle.Client);
        }
        return (Connect(cancellationToken), false);
    }

    private SmtpClient Connect(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        try
        {
            client.Connect(OpenSocket(settings, cancellationToken), settings.Host, settings.Port, settings.Security, cancellationToken);
            // Without SIZE MailKit writes each message once, not first to a counting stream for the MAIL command's SIZE=: a
            // quarter of a send's CPU. The portal's messages are a few kilobytes; a server that limits size still refuses
            // a larger one, after the DATA, and that refusal is recorded like any other.
            client.Capabilities &= ~SmtpCapabilities.Size;
            if (!string.IsNullOrEmpty(settings.UserName))
                client.Authenticate(settings.UserName, settings.Password ?? "", cancellationToken);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A socket with Nagle's algorithm off: MailKit writes the end of a message apart from its body, and with Nagle on that
    /// last write waits for the server's delayed acknowledgement, about 40 ms, on every message larger than one write.
    /// </summary>
    private static Socket OpenSocket(SmtpOptions settings, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        // A blocking connect keeps the socket blocking: after any asynchronous call .NET emulates every later blocking read
        // through its event thread, a second wake-up for each of the server's replies. Connect has no timeout of its
        // own, so closing the socket ends one that takes too long.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            using (timeout.Token.Register(socket.Dispose))
                socket.Connect(settings.Host, settings.Port);
            return socket;
        }
        catch (Exception exception) when (timeout.IsCancellationRequested && exception is SocketException or ObjectDisposedException)
        {
            socket.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"Connecting to the SMTP server took longer than {settings.TimeoutSeconds} s.");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static bool IsConnectionLost(Exception exception) =>
        exception is ServiceNotConnectedException or IOException or SmtpProtocolException;

    private static void Discard(SmtpClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                // A server that went away must not hold the sender for a whole SMTP timeout.
                client.Timeout = 2000;
                client.Disconnect(quit: true, CancellationToken.None);
            }
        }
        catch (Exception exception) when (exception is IOException or TimeoutException or SmtpProtocolException or ServiceNotConnectedException or SocketException or OperationCanceledException)
        {
        }
        finally
        {
            client.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var idle))
            Discard(idle.Client);
        return ValueTask.CompletedTask;
    }
}
