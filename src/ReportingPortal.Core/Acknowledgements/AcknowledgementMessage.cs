using Microsoft.Extensions.Options;
using MimeKit;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Signposting;
using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.Acknowledgements;

/// <summary>
/// The email a reporter gets when they gave an address. It never repeats what was reported: a shared family
/// inbox may be read by the person the report is about. By default it is neutral: its sender, subject and
/// text do not say what it is about and it carries no help numbers; the reporter may ask for a plain one.
/// </summary>
public sealed class AcknowledgementMessage(
    MailText text, HelpDirectory helpDirectory, MailSender sender,
    IOptions<AcknowledgementOptions> options)
{
    public MimeMessage Build(ReportForMail report, string address) =>
        Messages.InLanguage(report.Language, culture =>
        {
            var plain = report.EmailWording == nameof(EmailWording.Plain);
            var body = new MailBody()
                .Heading(text["Ack.Heading"])
                .Paragraph(text["Ack.Received"])
                .Paragraph(text["Ack.Reference", report.Reference]);
            if (plain)
                AddWhatHappensAndHelp(body, report.Country);
            body.Paragraph(text["Ack.NoReply"]);

            var from = new MailboxAddress(plain ? options.Value.PlainSenderName : options.Value.SenderName, sender.Sender.Address);
            var message = new MimeMessage
            {
                Subject = text[plain ? "Ack.Plain.Subject" : "Ack.Subject", report.Reference],
                MessageId = Messages.MessageId(report.Reference, DeliveryKind.Acknowledgement, address, sender.Sender),
                Body = body.ToMimeBody(culture),
            };
            message.From.Add(from);
            message.To.Add(new MailboxAddress("", address));
            return message;
        });

    private void AddWhatHappensAndHelp(MailBody body, string? country)
    {
        var help = helpDirectory.For(country);
        body.Paragraph(text["Ack.NextHeading"])
            .List([text["Receipt.Next1"], text["Receipt.Next3"]])
            .Paragraph(text["Ack.Danger", help.EmergencyNumber]);
        if (help.Helplines.Count > 0)
        {
            body.Paragraph(text["Emergency.Helplines"])
                .List(help.Helplines.Select(helpline => string.Join(" ", new[] { helpline.Name, helpline.Phone, helpline.Hours is null ? null : $"({helpline.Hours})" }.OfType<string>())));
        }
    }
}
