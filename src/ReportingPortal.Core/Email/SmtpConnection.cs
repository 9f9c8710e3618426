using MimeKit;

namespace ReportingPortal.Core.Email;

/// <summary>One of the sender's connections, held from <see cref="MailSender.Take"/> until disposed.</summary>
public sealed class SmtpConnection : IAsyncDisposable
{
    private MailSender? _sender;

    internal SmtpConnection(MailSender sender) => _sender = sender;

    public Task Send(MimeMessage message, CancellationToken cancellationToken) =>
        (_sender ?? throw new ObjectDisposedException(nameof(SmtpConnection))).SendOnPooled(message, cancellationToken);

    public ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref _sender, null)?.Release();
        return ValueTask.CompletedTask;
    }
}
