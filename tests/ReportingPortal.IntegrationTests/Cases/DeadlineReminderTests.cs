using System.Diagnostics;
using Dapper;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.Audit;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.IntegrationTests.Cases;

/// <summary>
/// The reminder job runs in this process on the clock the test sets; the portal's own worker sends what it puts in
/// the outbox. Cases come from the public form. The portal has a database and mail server of its own, because the
/// job reminds about every case in the database at the time the test chooses.
/// </summary>
public sealed class DeadlineReminderTests
{
    // A child reporting abuse in person: high priority (first action due in 24 hours, reminded 4 hours before),
    // routed to child welfare and psychosocial support, one address each.
    private const string ChildWelfare = "duty@childwelfare.example";
    private const string Psychosocial = "referrals@support.example";
    private static readonly string[] QueueAddresses = [ChildWelfare, Psychosocial];

    private SmtpServer _smtp = null!;
    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal()
    {
        _smtp = await SmtpServer.Start();
        _portal = await Portal.StartIsolated(_smtp);
    }

    [OneTimeTearDown]
    public async Task StopPortal()
    {
        await _portal.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Test]
    public async Task EachQueueAddressIsRemindedOnceWhenTheFirstActionIsDueSoonAndOnceWhenItIsOverdue()
    {
        var report = await SubmitReport();
        var clock = new FakeTimeProvider(report.FirstActionDue - TimeSpan.FromHours(3));
        await using var services = JobServices(clock);

        await RunJob(services);
        var dueSoon = await WaitForReminders(report.Reference, "first action due soon", QueueAddresses.Length);
        dueSoon.Select(Recipient).ShouldBe(QueueAddresses, ignoreOrder: true);
        dueSoon.ShouldAllBe(message => message.Subject == $"[HIGH] Report {report.Reference}: first action due soon");

        await RunJob(services);
        clock.Advance(TimeSpan.FromHours(1));
        await RunJob(services);
        (await ReminderRows(report.Reference)).ShouldBe(QueueAddresses.Select(address => $"FirstAction.DueSoon {address}"), ignoreOrder: true,
            "a second run, and a run an hour later, owe nothing more");

        clock.SetUtcNow(report.FirstActionDue + TimeSpan.FromMinutes(1));
        await RunJob(services);
        await RunJob(services);
        var overdue = await WaitForReminders(report.Reference, "first action overdue", QueueAddresses.Length);
        overdue.Select(Recipient).ShouldBe(QueueAddresses, ignoreOrder: true);

        await StoredDeliveries.WaitUntilSettled(report.Reference, _portal.ConnectionString);
        Reminders(report.Reference).Count.ShouldBe(QueueAddresses.Length * 2, "one due-soon and one overdue reminder per address, none twice");
        (await AuditDetails(report.Reference)).ShouldBe(["FirstAction.DueSoon", "FirstAction.Overdue"]);
    }

    [Test]
    public async Task RunsOnSeveralWorkersAtOnceRecordEachReminderOnce()
    {
        var report = await SubmitReport();
        var clock = new FakeTimeProvider(report.FirstActionDue - TimeSpan.FromMinutes(30));
        var workers = Enumerable.Range(0, 4).Select(_ => JobServices(clock)).ToList();

        await Task.WhenAll(workers.Select(RunJob));

        (await ReminderRows(report.Reference)).ShouldBe(QueueAddresses.Select(address => $"FirstAction.DueSoon {address}"), ignoreOrder: true);
        (await AuditDetails(report.Reference)).ShouldBe(["FirstAction.DueSoon"]);
        foreach (var worker in workers)
            await worker.DisposeAsync();
    }

    [Test]
    public async Task ACaseFirstSeenPastItsDueTimeGetsTheOverdueReminderAlone()
    {
        var report = await SubmitReport();
        await using var services = JobServices(new FakeTimeProvider(report.FirstActionDue + TimeSpan.FromHours(2)));

        await RunJob(services);

        (await ReminderRows(report.Reference)).ShouldBe(QueueAddresses.Select(address => $"FirstAction.Overdue {address}"), ignoreOrder: true);
        (await WaitForReminders(report.Reference, "first action overdue", QueueAddresses.Length)).Count.ShouldBe(QueueAddresses.Length);
    }

    [Test]
    public async Task OnceSomeoneTakesACaseItsQueuesAreNotRemindedAgainAndItsOwnerIs()
    {
        var report = await SubmitReport();
        var clock = new FakeTimeProvider(report.FirstActionDue - TimeSpan.FromHours(1));
        await using var services = JobServices(clock);
        await RunJob(services);
        await WaitForReminders(report.Reference, "first action due soon", QueueAddresses.Length);

        var owner = $"owner-{Guid.NewGuid():N}@responders.example";
        await TakeCase(report.Reference, owner);
        clock.SetUtcNow(report.FeedbackDue - TimeSpan.FromDays(1));
        await RunJob(services);
        await RunJob(services);

        var toOwner = await WaitForReminders(report.Reference, "feedback to the reporter due soon", 1);
        Recipient(toOwner.Single()).ShouldBe(owner);
        (await ReminderRows(report.Reference)).ShouldBe(
            [.. QueueAddresses.Select(address => $"FirstAction.DueSoon {address}"), $"Feedback.DueSoon {owner}"], ignoreOrder: true,
            "taken, the first action is met and the queues get nothing more; the owner gets the feedback reminder");
        await StoredDeliveries.WaitUntilSettled(report.Reference, _portal.ConnectionString);
        Reminders(report.Reference).Where(message => QueueAddresses.Contains(Recipient(message))).Count().ShouldBe(QueueAddresses.Length);
    }

    [Test]
    public async Task TheReminderCarriesTheReferencePriorityDeadlineDueTimeAndLinkButNothingFromTheReport()
    {
        var description = $"Words only the report holds {Guid.NewGuid():N}";
        var report = await SubmitReport(description);
        await using var services = JobServices(new FakeTimeProvider(report.FirstActionDue + TimeSpan.FromMinutes(5)));

        await RunJob(services);

        var message = (await WaitForReminders(report.Reference, "first action overdue", QueueAddresses.Length))
            .Single(reminder => Recipient(reminder) == ChildWelfare);
        var text = message.TextBody.ShouldNotBeNull();
        var html = message.HtmlBody.ShouldNotBeNull();
        text.ShouldContain(report.Reference);
        text.ShouldContain("HIGH");
        text.ShouldContain("First action");
        text.ShouldContain(report.FirstActionDue.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture));
        text.ShouldContain($"{_portal.Address.ToString().TrimEnd('/')}/console/cases/{report.Reference}");
        foreach (var fromTheReport in new[] { description, "stranger123", "Example Social", "social.example", "Lyon" })
        {
            text.ShouldNotContain(fromTheReport);
            html.ShouldNotContain(fromTheReport);
        }
    }

    [Test]
    public async Task TheWorkerRunsTheReminderJobEveryMinuteInTheUrgentQueue()
    {
        await using var connection = await TestDatabase.OpenDatabase(_portal.ConnectionString);
        var cron = await connection.ExecuteScalarAsync<string>(
            "select value from hangfire.hash where key = 'recurring-job:' || @Id and field = 'Cron'", new { Id = DeadlineReminderJob.RecurringJobId });
        cron.ShouldBe("* * * * *");

        await using var services = PortalServices.For(_portal);
        services.GetRequiredService<IRecurringJobManager>().Trigger(DeadlineReminderJob.RecurringJobId);

        var waiting = Stopwatch.StartNew();
        IReadOnlyList<string?> queues;
        do
        {
            await Task.Delay(100);
            queues = (await connection.QueryAsync<string?>("""
                select j.invocationdata::jsonb ->> 'Queue' from hangfire.job j
                where j.invocationdata::jsonb ->> 'Type' like @Type and j.statename = 'Succeeded'
                """, new { Type = typeof(DeadlineReminderJob).FullName + ",%" })).ToList();
        }
        while (queues.Count == 0 && waiting.Elapsed < TimeSpan.FromSeconds(30));
        queues.ShouldNotBeEmpty("the worker ran the job");
        queues.ShouldAllBe(queue => queue == "p1_urgent");
    }

    private sealed record SubmittedCase(string Reference, DateTimeOffset FirstActionDue, DateTimeOffset FeedbackDue);

    private async Task<SubmittedCase> SubmitReport(string? description = null)
    {
        using var reporter = _portal.NewSession();
        var answers = (description is null ? ReportAnswers.Anonymous() : ReportAnswers.Anonymous(description))
            .With("Category", "AbuseInPerson").With("ReporterRole", "ChildAboutThemselves");
        var receipt = await reporter.SubmitReport(answers);
        // The forwards go first, so the reminders counted below are the only mail still to come.
        await StoredDeliveries.WaitUntilSettled(receipt.Reference, _portal.ConnectionString);
        await using var connection = await TestDatabase.OpenDatabase(_portal.ConnectionString);
        var due = await connection.QuerySingleAsync<(DateTime FirstAction, DateTime Feedback)>("""
            select c.first_action_due, c.feedback_due from cases c join reports r on r.id = c.report_id where r.reference = @Reference
            """, new { receipt.Reference });
        return new SubmittedCase(receipt.Reference, new DateTimeOffset(due.FirstAction, TimeSpan.Zero), new DateTimeOffset(due.Feedback, TimeSpan.Zero));
    }

    private ServiceProvider JobServices(TimeProvider clock) =>
        PortalServices.For(_portal, services => services.AddSingleton(clock));

    private static Task<int> RunJob(IServiceProvider services) =>
        services.GetRequiredService<DeadlineReminderJob>().Run(CancellationToken.None);

    /// <summary>What a responder takes on in the console, done in the database: an account owns the case and acted on it.</summary>
    private async Task TakeCase(string reference, string ownerEmail)
    {
        await using var connection = await TestDatabase.OpenDatabase(_portal.ConnectionString);
        await connection.ExecuteAsync("""
            with owner as (insert into accounts (email, display_name) values (@ownerEmail, 'Case owner') returning id)
            update cases set owner_account_id = (select id from owner), status = @InProgress, first_action_at = now(), updated_at = now()
            where report_id = (select id from reports where reference = @reference)
            """, new { reference, ownerEmail, InProgress = CaseStatus.InProgress.Stored() });
    }

    /// <summary>The reminders owed for the report, as "topic recipient".</summary>
    private async Task<IReadOnlyList<string>> ReminderRows(string reference)
    {
        await using var connection = await TestDatabase.OpenDatabase(_portal.ConnectionString);
        return (await connection.QueryAsync<string>("""
            select d.topic || ' ' || d.recipient from mail_deliveries d join reports r on r.id = d.report_id
            where r.reference = @reference and d.kind = @Reminder order by d.id
            """, new { reference, Reminder = DeliveryKind.Reminder.Stored() })).ToList();
    }

    private async Task<IReadOnlyList<string>> AuditDetails(string reference)
    {
        await using var connection = await TestDatabase.OpenDatabase(_portal.ConnectionString);
        return (await connection.QueryAsync<string>("""
            select a.detail from audit_log a join reports r on r.id = a.report_id
            where r.reference = @reference and a.action = @ReminderSent and a.actor_account_id is null order by a.id
            """, new { reference, ReminderSent = AuditAction.ReminderSent.Stored() })).ToList();
    }

    private IReadOnlyList<MimeMessage> Reminders(string reference) =>
        _smtp.Messages().Where(message => message.Subject!.StartsWith('[') && message.Subject.Contains($"Report {reference}:")).ToList();

    private async Task<IReadOnlyList<MimeMessage>> WaitForReminders(string reference, string what, int count)
    {
        bool Matches(MimeMessage message) => message.Subject!.Contains($"Report {reference}: {what}");
        var messages = await _smtp.WaitFor(received => received.Count(Matches) >= count);
        return messages.Where(Matches).ToList();
    }

    private static string Recipient(MimeMessage message) => message.To.Mailboxes.Single().Address;
}
