using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace ReportingPortal.Core.Email;

/// <summary>Why an email was not accepted, described without anything the server said about the message.</summary>
public sealed record DeliveryFailure(bool Permanent, string Description)
{
    public static DeliveryFailure From(Exception exception) => exception switch
    {
        SmtpCommandException command when (int)command.StatusCode >= 500 =>
            new(true, $"{(int)command.StatusCode} {command.ErrorCode}"),
        SmtpCommandException command => new(false, $"{(int)command.StatusCode} {command.ErrorCode}"),
        SocketException socket => new(false, $"network: {socket.SocketErrorCode}"),
        AuthenticationException => new(false, "authentication with the SMTP server failed"),
        SslHandshakeException => new(false, "TLS handshake with the SMTP server failed"),
        ServiceNotConnectedException or SmtpProtocolException or IOException => new(false, "connection lost"),
        TimeoutException or OperationCanceledException => new(false, "timed out"),
        _ => new(false, exception.GetType().Name),
    };
}
