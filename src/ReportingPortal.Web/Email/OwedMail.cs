using Dapper;
using Npgsql;
using ReportingPortal.Web.Reports;

namespace ReportingPortal.Web.Email;

/// <summary>The outbox: rows in mail_deliveries, one per email a report is owed.</summary>
public static class OwedMail
{
    /// <summary>Raised (on commit) whenever mail is owed, so the dispatcher wakes at once.</summary>
    public const string Channel = "mail_owed";

    public static Task Record(NpgsqlConnection connection, NpgsqlTransaction transaction, long reportId, Priority priority,
        bool acknowledge, IReadOnlyList<(string Queue, string Recipient)> forwards, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition($"""
            insert into mail_deliveries (report_id, kind, priority)
            select @ReportId, 'Acknowledgement', @Priority where @Acknowledge;
            insert into mail_deliveries (report_id, kind, queue, recipient, priority)
            select @ReportId, 'Forward', forward.queue, forward.recipient, @Priority
            from unnest(@Queues, @Recipients) as forward (queue, recipient)
            on conflict do nothing;
            select pg_notify('{Channel}', '');
            """,
            new
            {
                ReportId = reportId,
                Priority = priority.ToString(),
                Acknowledge = acknowledge,
                Queues = forwards.Select(forward => forward.Queue).ToArray(),
                Recipients = forwards.Select(forward => forward.Recipient).ToArray(),
            },
            transaction, cancellationToken: cancellationToken));
}
