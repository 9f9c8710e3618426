using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Forwarding;
using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.Cases;

/// <summary>
/// A deadline reminder to a case's owner or queue: the reference, the priority, which deadline, its due time and a
/// link to the case. It takes nothing else from the report, so nothing the reporter wrote can be in it.
/// </summary>
public sealed class ReminderMessage(IStringLocalizer<SharedResource> text, MailSender sender, IOptions<ConsoleOptions> console)
{
    /// <param name="queue">The queue this copy goes to; null for the case's owner.</param>
    public MimeMessage Build(string reference, Priority priority, ReminderTopic topic, CaseDueTimes due, ForwardingQueue? queue, string address) =>
        Messages.InLanguage(queue?.Language ?? "en", culture =>
        {
            var priorityText = text[$"Forward.Priority.{priority}"];
            var kind = $"{topic.Deadline}.{topic.Stage}";
            var body = new MailBody()
                .Heading(text[$"Reminder.Heading.{kind}", reference])
                .Paragraph(text[$"Reminder.Explained.{kind}"])
                .Field(text["Forward.Reference"], reference)
                .Field(text["Forward.PriorityLabel"], priorityText)
                .Field(text["Reminder.Deadline"], text[$"Reminder.Deadline.{topic.Deadline}"])
                .Field(text["Reminder.DueAt"], due.For(topic.Deadline).ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))
                .Field(text["Reminder.Link"], console.Value.CaseLink(reference))
                .Paragraph(queue is null ? text["Reminder.Why.Owner"] : text["Reminder.Why.Queue", queue.DisplayName ?? queue.Name])
                .Paragraph(text["Reminder.NothingFromTheReport"]);

            var message = new MimeMessage
            {
                Subject = text[$"Reminder.Subject.{kind}", priorityText, reference],
                // The topic keeps the due-soon and the overdue reminder to one address apart.
                MessageId = $"{kind.ToLowerInvariant()}.{Messages.MessageId(reference, DeliveryKind.Reminder, address, sender.Sender)}",
                Body = body.ToMimeBody(culture),
                Priority = priority == Priority.Urgent ? MessagePriority.Urgent : MessagePriority.Normal,
            };
            // A copy: MimeKit's address list subscribes to the address's events, so the shared one would keep every message alive.
            message.From.Add(sender.Sender.Clone());
            message.To.Add(new MailboxAddress(queue?.DisplayName ?? "", address));
            return message;
        });
}
