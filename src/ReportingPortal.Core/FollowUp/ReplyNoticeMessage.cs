using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Forwarding;
using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.FollowUp;

/// <summary>
/// The notice to a case's owner, or to its queues while nobody owns it, that the reporter wrote: the reference, the
/// priority and a link to the case. It takes nothing the reporter wrote, so none of it can be in the email.
/// </summary>
public sealed class ReplyNoticeMessage(IStringLocalizer<SharedResource> text, MailSender sender, IOptions<ConsoleOptions> console)
{
    /// <param name="queue">The queue this copy goes to; null for the case's owner.</param>
    public MimeMessage Build(string reference, Priority priority, ForwardingQueue? queue, string address, long messageId) =>
        Messages.InLanguage(queue?.Language ?? "en", culture =>
        {
            var priorityText = text[$"Forward.Priority.{priority}"];
            var body = new MailBody()
                .Heading(text["ReplyNotice.Heading", reference])
                .Paragraph(text["ReplyNotice.NewMessage", reference])
                .Field(text["Forward.Reference"], reference)
                .Field(text["Forward.PriorityLabel"], priorityText)
                .Field(text["Forward.CaseLink"], console.Value.CaseLink(reference))
                .Paragraph(queue is null ? text["ReplyNotice.Why.Owner"] : text["ReplyNotice.Why.Queue", queue.DisplayName ?? queue.Name])
                .Paragraph(text["ReplyNotice.NothingFromTheReporter"]);

            var message = new MimeMessage
            {
                Subject = text["ReplyNotice.Subject", priorityText, reference],
                // One notice per message: the message's id keeps the notices of two answers apart.
                MessageId = $"message-{messageId.ToString(CultureInfo.InvariantCulture)}."
                            + Messages.MessageId(reference, DeliveryKind.ReplyNotice, address, sender.Sender),
                Body = body.ToMimeBody(culture),
                Priority = priority == Priority.Urgent ? MessagePriority.Urgent : MessagePriority.Normal,
            };
            // A copy: MimeKit's address list subscribes to the address's events, so the shared one would keep every message alive.
            message.From.Add(sender.Sender.Clone());
            message.To.Add(new MailboxAddress(queue?.DisplayName ?? "", address));
            return message;
        });
}
