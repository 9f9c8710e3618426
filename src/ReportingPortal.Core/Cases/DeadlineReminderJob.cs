using Dapper;
using Hangfire;
using Microsoft.Extensions.Options;
using Npgsql;
using ReportingPortal.Core.Audit;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Forwarding;
using ReportingPortal.Core.Reports;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Cases;

/// <summary>
/// A recurring Hangfire job that mails each deadline's reminders once: when it is due soon, and when it has passed.
/// A reminder goes to the case's owner, or to every address of its queues while nobody owns it. Each (case,
/// deadline, stage) is recorded in case_reminders in the same transaction as its mail in the outbox and its audit
/// line, so two runs at once, or one run twice, mail it once.
/// </summary>
public sealed class DeadlineReminderJob(
    NpgsqlDataSource database,
    TimeProvider clock,
    IOptions<CasesOptions> cases,
    IOptions<ForwardingOptions> forwarding,
    ILogger<DeadlineReminderJob> logger)
{
    public const string RecurringJobId = "deadline-reminders";

    private const int BatchSize = 500;

    // A class, not a positional record: Dapper maps a text[] column to a property only.
    private sealed class Reminder
    {
        public long ReportId { get; init; }
        public Deadline Deadline { get; init; }
        public ReminderStage Stage { get; init; }
        public Priority Priority { get; init; }
        public string? OwnerEmail { get; init; }
        public string[] Queues { get; init; } = [];
    }

    /// <summary>Records and mails every reminder that has come due; returns how many it recorded.</summary>
    // The next run, a minute later, is the retry.
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> Run(CancellationToken cancellationToken)
    {
        var total = 0;
        int recorded;
        do
        {
            recorded = await RunBatch(clock.GetUtcNow(), cancellationToken);
            total += recorded;
        }
        while (recorded == BatchSize);
        if (total > 0)
            logger.LogInformation("Recorded {Count} deadline reminders", total);
        return total;
    }

    private async Task<int> RunBatch(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = cases.Value;
        var priorities = Enum.GetValues<Priority>();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // A deadline is due soon from its warning time, overdue from its due time; an overdue one never had its
        // due-soon reminder only when the job first saw it late, and then gets the overdue one alone.
        var reminders = (await connection.QueryAsync<Reminder>(new CommandDefinition("""
            with deadlines as (
                -- Indexed by rank + 1: PostgreSQL arrays start at 1.
                select c.report_id, @FirstAction as deadline, c.first_action_due as due, (@FirstActionSoon)[c.priority_rank + 1] as soon
                from cases c
                where c.status <> @Closed and c.first_action_at is null and c.first_action_due <= @Now + @LongestFirstActionSoon
                union all
                select c.report_id, @Feedback, c.feedback_due, @FeedbackSoon
                from cases c
                where c.status <> @Closed and c.feedback_due <= @Now + @FeedbackSoon
            ),
            due as (
                select report_id, deadline, case when due <= @Now then @Overdue else @DueSoon end as stage, due as due_at
                from deadlines where due - soon <= @Now
            ),
            recorded as (
                insert into case_reminders (report_id, deadline, stage, sent_at)
                select report_id, deadline, stage, @Now from due
                where not exists (select from case_reminders sent
                                  where sent.report_id = due.report_id and sent.deadline = due.deadline
                                    and sent.stage in (due.stage, @Overdue))
                order by due_at
                limit @BatchSize
                on conflict do nothing
                returning report_id, deadline, stage
            )
            select m.report_id as ReportId, m.deadline, m.stage, c.priority_rank as Priority, owner.email as OwnerEmail,
                   c.queues as Queues
            from recorded m
            join cases c on c.report_id = m.report_id
            -- A disabled owner has left: its queues are reminded instead, so the case is not forgotten.
            left join accounts owner on owner.id = c.owner_account_id and owner.disabled_at is null
            """,
            new
            {
                Now = now,
                FirstActionSoon = priorities.OrderBy(priority => priority.Rank()).Select(priority => settings.FirstActionDueSoon[priority]).ToArray(),
                LongestFirstActionSoon = settings.FirstActionDueSoon.Values.Max(),
                FeedbackSoon = settings.FeedbackDueSoon,
                FirstAction = Deadline.FirstAction.Stored(),
                Feedback = Deadline.Feedback.Stored(),
                DueSoon = ReminderStage.DueSoon.Stored(),
                Overdue = ReminderStage.Overdue.Stored(),
                Closed = CaseStatus.Closed.Stored(),
                BatchSize,
            },
            transaction, cancellationToken: cancellationToken))).ToList();

        var mail = reminders.SelectMany(reminder => Recipients(reminder)
            .Select(recipient => (reminder.ReportId, recipient.Queue, recipient.Address, Topic: new ReminderTopic(reminder.Deadline, reminder.Stage).ToString(),
                reminder.Priority)))
            .ToList();
        await connection.ExecuteAsync(new CommandDefinition("""
            insert into mail_deliveries (report_id, kind, queue, recipient, topic, priority, priority_rank)
            select report_id, @Reminder, queue, recipient, topic, priority, priority_rank
            from unnest(@ReportIds, @Queues, @Recipients, @Topics, @MailPriorities, @Ranks)
                as owed (report_id, queue, recipient, topic, priority, priority_rank)
            on conflict do nothing
            """,
            new
            {
                Reminder = DeliveryKind.Reminder.Stored(),
                ReportIds = mail.Select(email => email.ReportId).ToArray(),
                Queues = mail.Select(email => email.Queue).ToArray(),
                Recipients = mail.Select(email => email.Address).ToArray(),
                Topics = mail.Select(email => email.Topic).ToArray(),
                MailPriorities = mail.Select(email => email.Priority.Stored()).ToArray(),
                Ranks = mail.Select(email => email.Priority.Rank()).ToArray(),
            },
            transaction, cancellationToken: cancellationToken));

        foreach (var reminder in reminders)
            await AuditLog.Write(connection, transaction, new AuditEntry(AuditAction.ReminderSent, null, reminder.ReportId,
                Detail: new ReminderTopic(reminder.Deadline, reminder.Stage).ToString()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var unaddressed = reminders.Count(reminder => !Recipients(reminder).Any());
        if (unaddressed > 0)
            logger.LogWarning("{Count} deadline reminders have nobody to mail: no owner, and no configured address in their queues", unaddressed);
        return reminders.Count;
    }

    private IReadOnlyList<(string? Queue, string Address)> Recipients(Reminder reminder) =>
        CaseRecipients.For(reminder.OwnerEmail, reminder.Queues, forwarding.Value);
}
