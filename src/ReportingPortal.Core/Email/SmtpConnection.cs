using MimeKit;

namespace ReportingPortal.Core.Email;

/// <summary>One of the sender's connections, held from <see cref="MailSender.Take"/> until disposed.</summary>
public sealed class SmtpConnection : IDisposable
{
    private MailSender? _sender;

    internal SmtpConnection(MailSender sender) => _sender = sender;

    public void Send(MimeMessage message, CancellationToken cancellationToken) =>
        (_sender ?? throw new ObjectDisposedException(nameof(SmtpConnection))).SendOnPooled(message, cancellationToken);

    public void Dispose() => Interlocked.Exchange(ref _sender, null)?.Release();
}
