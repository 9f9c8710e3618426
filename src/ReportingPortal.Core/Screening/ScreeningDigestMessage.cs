using System.Globalization;
using Dapper;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using Npgsql;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Forwarding;
using ReportingPortal.Core.Reports;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Screening;

/// <summary>
/// The screening queue's digest: how many reports wait, the references, priorities and reasons of those that arrived
/// since the last digest, and the link to the console. Nothing a report says is in it.
/// </summary>
public sealed class ScreeningDigestMessage(
    IStringLocalizer<SharedResource> text,
    MailSender sender,
    IOptions<ConsoleOptions> console)
{
    private sealed class ListedReport
    {
        public string Reference { get; init; } = "";
        public Priority Priority { get; init; }
        public string[] Reasons { get; init; } = [];
        public bool Forwarded { get; init; }
    }

    public MimeMessage Build(NpgsqlConnection connection, string? topic, ForwardingQueue? queue, string queueName, string address,
        CancellationToken cancellationToken)
    {
        var digestId = long.Parse(topic ?? throw new InvalidOperationException("A screening digest names no digest."), CultureInfo.InvariantCulture);
        var listed = connection.Query<ListedReport>(new CommandDefinition("""
            select r.reference, r.priority, r.screening_reasons as Reasons, cardinality(c.held_queues) = 0 as Forwarded
            from cases c join reports r on r.id = c.report_id
            where c.screening_digest_id = @digestId
            order by c.priority_rank, r.received_at
            """, new { digestId }, cancellationToken: cancellationToken)).ToList();
        var waiting = connection.QuerySingle<int>(new CommandDefinition(
            "select count(*)::int from cases where screening = @Waiting", new { Waiting = ScreeningState.Waiting.Stored() },
            cancellationToken: cancellationToken));
        var first = listed.Count > 0 ? listed[0].Reference : digestId.ToString(CultureInfo.InvariantCulture);

        return Messages.InLanguage(queue?.Language ?? "en", culture =>
        {
            var body = new MailBody()
                .Heading(text["Screening.Digest.Heading", listed.Count])
                .Paragraph(text["Screening.Digest.Explained"])
                .Field(text["Screening.Digest.Waiting"], waiting.ToString(culture))
                .Field(text["Screening.Digest.Link"], console.Value.Link("/console?queue=" + Uri.EscapeDataString(queueName)))
                .List(listed.Select(report => text["Screening.Digest.Line", report.Reference, text[$"Forward.Priority.{report.Priority}"],
                    string.Join(", ", report.Reasons.Select(reason => text[$"Screening.Reason.{reason}"].Value)),
                    text[report.Forwarded ? "Screening.Digest.Forwarded" : "Screening.Digest.Held"]].Value))
                .Paragraph(text["Screening.Digest.NothingFromTheReports"]);
            var message = new MimeMessage
            {
                Subject = text["Screening.Digest.Subject", listed.Count],
                MessageId = $"digest-{digestId}.{Messages.MessageId(first, DeliveryKind.ScreeningDigest, address, sender.Sender)}",
                Body = body.ToMimeBody(culture),
                Priority = listed.Any(report => report.Priority == Priority.Urgent) ? MessagePriority.Urgent : MessagePriority.Normal,
            };
            message.From.Add(sender.Sender.Clone());
            message.To.Add(new MailboxAddress(queue?.DisplayName ?? "", address));
            return message;
        });
    }
}
