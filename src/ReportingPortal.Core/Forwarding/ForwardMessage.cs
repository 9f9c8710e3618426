using System.Globalization;
using Microsoft.Extensions.Options;
using MimeKit;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Linking;
using ReportingPortal.Core.Reports;
using ReportingPortal.Core.Screening;

namespace ReportingPortal.Core.Forwarding;

/// <summary>
/// The email a responder queue gets: everything needed to act, and the link to the case in the console. A referral
/// gets the same email, saying who referred the case, when and why. The subject carries only reference and priority.
/// </summary>
public sealed class ForwardMessage(
    MailText text,
    MailSender sender,
    IOptions<SignalsOptions> signals,
    IOptions<ConsoleOptions> console,
    IOptions<ForwardingOptions> forwarding)
{
    public MimeMessage Build(ReportForMail report, ForwardingQueue? queue, string queueName, string address, ReferralForMail? referral = null) =>
        Messages.InLanguage(queue?.Language ?? "en", culture =>
        {
            var priority = text[$"Forward.Priority.{report.Priority}"];
            var body = new MailBody().Heading(text["Forward.Heading", report.Reference, priority]);
            if (referral is not null)
                body.Paragraph(text["Referral.Intro"])
                    .Field(text["Referral.By"], ReferredBy(referral))
                    .Field(text["Referral.At"], Utc(referral.ReferredAt))
                    .Field(text["Referral.Reason"], referral.Reason);
            body.Field(text["Forward.CaseLink"], console.Value.CaseLink(report.Reference))
                .Field(text["Forward.Queue"], queue?.DisplayName ?? queueName)
                .Field(text["Forward.Reference"], report.Reference)
                .Field(text["Forward.PriorityLabel"], priority)
                .Field(text["Forward.ReceivedAt"], Utc(report.ReceivedAt))
                .Field(text["Forward.Label.Category"], text[$"Form.Category.{report.Category}"])
                .Field(text["Forward.Label.ChildInDanger"], text[$"Form.ChildInDanger.{report.ChildInDanger}"])
                .Field(text["Forward.Label.ChildAge"], text[$"Form.ChildAge.{report.ChildAgeRange}"])
                .Field(text["Forward.Label.When"], text[$"Form.When.{report.Occurred}"])
                .Field(text["Forward.Label.ReporterRole"], text[$"Form.ReporterRole.{report.ReporterRole}"])
                .Field(text["Forward.Label.Urls"], string.Join('\n', report.Urls));
            if (report.AlsoReportedIn is { } linked)
                body.Field(text["Forward.Label.AlsoReported"], AlsoReported(report, linked));
            body.Field(text["Forward.Label.Platform"], report.Platform)
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
                .Field(text["Forward.Signals.FillTime"], FillTime(report.SecondsToFill))
                .Field(text["Forward.Screening"], Screening(report));

            var message = new MimeMessage
            {
                Subject = text["Forward.Subject", priority, report.Reference],
                MessageId = Messages.MessageId(report.Reference, referral is null ? DeliveryKind.Forward : DeliveryKind.Referral, address, sender.Sender),
                Body = WithDocument(body.ToMimeBody(culture), report, queue, queueName, referral),
                Priority = report.Priority == Priority.Urgent ? MessagePriority.Urgent : MessagePriority.Normal,
            };
            // A copy: MimeKit's address list subscribes to the address's events, so the shared one would keep every message alive.
            message.From.Add(sender.Sender.Clone());
            message.To.Add(new MailboxAddress(queue?.DisplayName ?? "", address));
            return message;
        });

    /// <summary>
    /// The text and HTML, and the report as JSON beside them when forwards carry it: one body, so a queue's key encrypts
    /// the attachment with the rest.
    /// </summary>
    private MimeEntity WithDocument(MimeEntity text, ReportForMail report, ForwardingQueue? queue, string queueName, ReferralForMail? referral)
    {
        if (!forwarding.Value.JsonAttachment)
            return text;
        var document = ForwardDocument.Of(report, new ForwardDocument.QueueSection(queueName, queue?.DisplayName ?? queueName),
            console.Value.CaseLink(report.Reference), referral is null ? null
                : new ForwardDocument.ReferralSection(referral.Queue, referral.FromQueue, ReferredBy(referral), ForwardDocument.Utc(referral.ReferredAt), referral.Reason));
        var attachment = new MimePart("application", "json")
        {
            Content = new MimeContent(new MemoryStream(document.ToUtf8(), writable: false)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = ForwardDocument.FileName(report.Reference),
        };
        attachment.ContentType.Charset = "utf-8";
        return new Multipart("mixed") { text, attachment };
    }

    /// <summary>The referring queue's name as responders know it; the referrer's own name when no queue of theirs held the case.</summary>
    private string ReferredBy(ReferralForMail referral) =>
        referral.FromQueue is null ? referral.ReferredBy
        : forwarding.Value.DisplayNameOf(referral.FromQueue);

    /// <summary>"This link was also reported in RP-… (n times since …)": references only, whichever queues hold those reports.</summary>
    private string AlsoReported(ReportForMail report, LinkedReports linked)
    {
        var key = (report.Urls.Length == 1 ? "Forward.AlsoReported.OneLink" : "Forward.AlsoReported.SomeLink")
                  + (linked.Count == 1 ? ".Once" : ".Times");
        var references = string.Join(", ", linked.References) + (linked.Count > linked.References.Count ? ", …" : "");
        return text[key, references, linked.Count, Utc(linked.Since)];
    }

    private static string Utc(DateTime at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>Why a screened report comes now: released after waiting, or sent at once because a child is in danger.</summary>
    private string? Screening(ReportForMail report) => report.Screening switch
    {
        null => null,
        ScreeningState.Released when report.ScreeningWaited is { } waited => text["Forward.Screening.Released", Waited(waited)].Value,
        _ => text["Forward.Screening.SentAtOnce"].Value,
    };

    private static string Waited(TimeSpan waited) =>
        waited.TotalHours >= 1 ? $"{(int)waited.TotalHours} h {waited.Minutes:00} min"
        : waited.TotalMinutes >= 1 ? $"{(int)waited.TotalMinutes} min {waited.Seconds:00} s"
        : $"{Math.Max(0, (int)waited.TotalSeconds)} s";

    private string FillTime(int? seconds) =>
        seconds is not { } value ? text["Forward.Signals.FillTime.Unknown"]
        : value < signals.Value.MinimumFillTime.TotalSeconds ? text["Forward.Signals.FillTime.TooFast", value]
        : text["Forward.Signals.FillTime.Seconds", value];
}
