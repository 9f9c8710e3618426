using System.Globalization;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Localization;
using MimeKit;
using ReportingPortal.Core.Email;

namespace ReportingPortal.Web.Accounts;

/// <summary>
/// The invitation to the console, sent at once rather than through the outbox: the administrator is told there and
/// then whether it went. It carries the one-time link and when it expires, nothing else.
/// </summary>
public sealed class InvitationMail(MailSender sender, IStringLocalizer<ConsoleText> text, ILogger<InvitationMail> logger)
{
    /// <summary>Sends the invitation; false when the mail server could not be reached or refused it.</summary>
    public async Task<bool> Send(string address, string link, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.GetCultureInfo("en");
        var body = new MailBody()
            .Heading(text["Invitation.Heading"])
            .Paragraph(text["Invitation.Link", link])
            .Paragraph(text["Invitation.Expires", expiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)])
            .Paragraph(text["Invitation.NotYou"]);
        var message = new MimeMessage { Subject = text["Invitation.Subject"], Body = body.ToMimeBody(culture) };
        // A copy: MimeKit's address list subscribes to the address's events, so the shared one would keep every message alive.
        message.From.Add(sender.Sender.Clone());
        message.To.Add(new MailboxAddress("", address));
        try
        {
            await sender.Send(message, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException
                                              or IOException or SocketException or TimeoutException or System.Security.Authentication.AuthenticationException)
        {
            logger.LogWarning("An invitation email could not be sent: {Failure}", exception.GetType().Name);
            return false;
        }
    }
}
