using System.Collections.Concurrent;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ReportingPortal.Core.Email;

/// <summary>The one way the portal sends mail: MailKit over a small pool of reused SMTP connections.</summary>
public sealed class MailSender(IOptions<SmtpOptions> options) : IAsyncDisposable
{
    // Servers drop idle connections; one idle longer than this is closed rather than reused.
    private static readonly TimeSpan MaxIdle = TimeSpan.FromSeconds(20);

    private readonly ConcurrentBag<(SmtpClient Client, DateTime IdleSince)> _idle = [];
    private readonly SemaphoreSlim _connections = new(options.Value.MaxConnections, options.Value.MaxConnections);

    public MailboxAddress Sender { get; } = MailboxAddress.Parse(options.Value.From);

    public async Task Send(MimeMessage message, CancellationToken cancellationToken)
    {
        await using var connection = await Take(cancellationToken);
        await connection.Send(message, cancellationToken);
    }

    /// <summary>
    /// Waits for one of the Smtp:MaxConnections connections and keeps it until disposed, so the caller can record what
    /// it sent before the connection sends anything else.
    /// </summary>
    public async Task<SmtpConnection> Take(CancellationToken cancellationToken)
    {
        await _connections.WaitAsync(cancellationToken);
        return new SmtpConnection(this);
    }

    internal void Release() => _connections.Release();

    internal async Task SendOnPooled(MimeMessage message, CancellationToken cancellationToken)
    {
        var (client, reused) = await Rent(cancellationToken);
        try
        {
            await SendOn(client, message, cancellationToken);
        }
        catch (Exception exception) when (reused && IsConnectionLost(exception))
        {
            // The server closed a reused connection while it sat idle: try once more on a fresh one.
            await SendOn(await Connect(cancellationToken), message, cancellationToken);
        }
    }

    /// <summary>Sends on this connection, then pools it again unless the connection itself failed.</summary>
    private async Task SendOn(SmtpClient client, MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException) when (client.IsConnected)
        {
            // The server refused this message; the connection is still good.
            _idle.Add((client, DateTime.UtcNow));
            throw;
        }
        catch
        {
            await Discard(client);
            throw;
        }
        _idle.Add((client, DateTime.UtcNow));
    }

    private async Task<(SmtpClient Client, bool Reused)> Rent(CancellationToken cancellationToken)
    {
        while (_idle.TryTake(out var idle))
        {
            if (idle.Client.IsConnected && DateTime.UtcNow - idle.IdleSince < MaxIdle)
                return (idle.Client, true);
            await Discard(idle.Client);
        }
        return (await Connect(cancellationToken), false);
    }

    private async Task<SmtpClient> Connect(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, settings.Security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static bool IsConnectionLost(Exception exception) =>
        exception is ServiceNotConnectedException or IOException or SmtpProtocolException;

    private static async Task Discard(SmtpClient client)
    {
        try
        {
            if (client.IsConnected)
                await client.DisconnectAsync(quit: true, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception exception) when (exception is IOException or TimeoutException or SmtpProtocolException or ServiceNotConnectedException or System.Net.Sockets.SocketException)
        {
        }
        finally
        {
            client.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var idle))
            await Discard(idle.Client);
        _connections.Dispose();
    }
}
