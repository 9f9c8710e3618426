using Microsoft.Extensions.Localization;
using MimeKit;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Signposting;

namespace ReportingPortal.Core.Acknowledgements;

/// <summary>
/// The email a reporter gets when they gave an address. It never repeats what was reported: a shared family
/// inbox may be read by the person the report is about.
/// </summary>
public sealed class AcknowledgementMessage(
    IStringLocalizer<SharedResource> text, HelpDirectory helpDirectory, MailSender sender)
{
    public const string Kind = "Acknowledgement";

    public MimeMessage Build(ReportForMail report, string address) =>
        Messages.InLanguage(report.Language, culture =>
        {
            var help = helpDirectory.For(report.Country);
            var body = new MailBody()
                .Heading(text["Ack.Heading"])
                .Paragraph(text["Ack.Received"])
                .Paragraph(text["Ack.Reference", report.Reference])
                .Paragraph(text["Ack.NextHeading"])
                .List([text["Receipt.Next1"], text["Receipt.Next3"]])
                .Paragraph(text["Ack.Danger", help.EmergencyNumber]);
            if (help.Helplines.Count > 0)
            {
                body.Paragraph(text["Emergency.Helplines"])
                    .List(help.Helplines.Select(helpline => string.Join(" ", new[] { helpline.Name, helpline.Phone, helpline.Hours is null ? null : $"({helpline.Hours})" }.OfType<string>())));
            }
            body.Paragraph(text["Ack.NoReply"]);

            var message = new MimeMessage
            {
                Subject = text["Ack.Subject", report.Reference],
                MessageId = Messages.MessageId(report.Reference, Kind, address, sender.Sender),
                Body = body.ToMimeBody(culture),
            };
            message.From.Add(sender.Sender);
            message.To.Add(new MailboxAddress("", address));
            return message;
        });
}
