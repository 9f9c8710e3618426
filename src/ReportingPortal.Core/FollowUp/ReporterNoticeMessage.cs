using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using ReportingPortal.Core.Acknowledgements;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.FollowUp;

/// <summary>
/// The notice a reporter who gave an address gets when a responder writes to them: there is a new message, come back
/// with your reference and access code. It never holds the message, the access code or a link (a link would tell
/// whoever reads the inbox which site it is), and it follows the report's email wording as the acknowledgement does.
/// </summary>
public sealed class ReporterNoticeMessage(IStringLocalizer<SharedResource> text, MailSender sender, IOptions<AcknowledgementOptions> options)
{
    /// <summary>Where the notice may go when it is sent: the report's address, unless it has none or email is no longer safe.</summary>
    public static string? AddressOf(ReportForMail report) =>
        report.EmailWording == nameof(EmailWording.NotSafe) || string.IsNullOrWhiteSpace(report.ContactEmail) ? null : report.ContactEmail;

    public MimeMessage Build(ReportForMail report, long messageId, string address) =>
        Messages.InLanguage(report.Language, culture =>
        {
            var plain = report.EmailWording == nameof(EmailWording.Plain);
            var body = new MailBody()
                .Heading(text["ReporterNotice.Heading"])
                .Paragraph(text[plain ? "ReporterNotice.Plain.NewMessage" : "ReporterNotice.NewMessage", report.Reference])
                .Paragraph(text["ReporterNotice.NoReply"]);

            var message = new MimeMessage
            {
                Subject = text[plain ? "ReporterNotice.Plain.Subject" : "ReporterNotice.Subject", report.Reference],
                // One notice per message: the message's id keeps the notices of two messages apart.
                MessageId = $"message-{messageId.ToString(CultureInfo.InvariantCulture)}."
                            + Messages.MessageId(report.Reference, DeliveryKind.ReporterNotice, address, sender.Sender),
                Body = body.ToMimeBody(culture),
            };
            message.From.Add(new MailboxAddress(plain ? options.Value.PlainSenderName : options.Value.SenderName, sender.Sender.Address));
            message.To.Add(new MailboxAddress("", address));
            return message;
        });
}
