using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.Forwarding;

/// <summary>The email a responder queue gets: everything needed to act. The subject carries only reference and priority.</summary>
public sealed class ForwardMessage(IStringLocalizer<SharedResource> text, MailSender sender, IOptions<SignalsOptions> signals)
{
    public MimeMessage Build(ReportForMail report, ForwardingQueue? queue, string queueName, string address) =>
        Messages.InLanguage(queue?.Language ?? "en", culture =>
        {
            var priority = text[$"Forward.Priority.{report.Priority}"];
            var body = new MailBody()
                .Heading(text["Forward.Heading", report.Reference, priority])
                .Field(text["Forward.Queue"], queue?.DisplayName ?? queueName)
                .Field(text["Forward.Reference"], report.Reference)
                .Field(text["Forward.PriorityLabel"], priority)
                .Field(text["Forward.ReceivedAt"], report.ReceivedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))
                .Field(text["Forward.Label.Category"], text[$"Form.Category.{report.Category}"])
                .Field(text["Forward.Label.ChildInDanger"], text[$"Form.ChildInDanger.{report.ChildInDanger}"])
                .Field(text["Forward.Label.ChildAge"], text[$"Form.ChildAge.{report.ChildAgeRange}"])
                .Field(text["Forward.Label.When"], text[$"Form.When.{report.Occurred}"])
                .Field(text["Forward.Label.ReporterRole"], text[$"Form.ReporterRole.{report.ReporterRole}"])
                .Field(text["Forward.Label.Urls"], string.Join('\n', report.Urls))
                .Field(text["Forward.Label.Platform"], report.Platform)
                .Field(text["Forward.Label.Usernames"], report.Usernames)
                .Field(text["Forward.Label.Country"], report.Country is null ? null : $"{report.Country} ({Countries.Name(report.Country)})")
                .Field(text["Forward.Label.Region"], report.Region)
                .Field(text["Forward.Label.Description"], report.Description)
                .Field(text["Forward.Label.Contact"], text[$"Form.Contact.{report.ContactPreference}"])
                .Field(text["Forward.ContactName"], report.ContactName)
                .Field(text["Forward.ContactEmail"], report.ContactEmail)
                .Paragraph(text["Forward.LinksAsText"])
                .Subheading(text["Forward.Signals.Heading"])
                .Paragraph(text["Forward.Signals.Explained"])
                .Field(text["Forward.Signals.Captcha"], text[report.CaptchaVerified switch
                {
                    true => "Forward.Signals.Captcha.Verified",
                    false => "Forward.Signals.Captcha.NotVerified",
                    null => "Forward.Signals.Captcha.NotUsed",
                }])
                .Field(text["Forward.Signals.Honeypot"], text[report.HoneypotFilled == true
                    ? "Forward.Signals.Honeypot.Filled" : "Forward.Signals.Honeypot.Empty"])
                .Field(text["Forward.Signals.FillTime"], FillTime(report.SecondsToFill));

            var message = new MimeMessage
            {
                Subject = text["Forward.Subject", priority, report.Reference],
                MessageId = Messages.MessageId(report.Reference, DeliveryKind.Forward, address, sender.Sender),
                Body = body.ToMimeBody(culture),
                Priority = report.Priority == Priority.Urgent ? MessagePriority.Urgent : MessagePriority.Normal,
            };
            message.From.Add(sender.Sender);
            message.To.Add(new MailboxAddress(queue?.DisplayName ?? "", address));
            return message;
        });

    private string FillTime(int? seconds) =>
        seconds is not { } value ? text["Forward.Signals.FillTime.Unknown"]
        : value < signals.Value.MinimumFillTime.TotalSeconds ? text["Forward.Signals.FillTime.TooFast", value]
        : text["Forward.Signals.FillTime.Seconds", value];
}
