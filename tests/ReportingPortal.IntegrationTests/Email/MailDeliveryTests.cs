using System.Net;
using Dapper;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Options;
using ReportingPortal.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.IntegrationTests.Email;

/// <summary>Nothing lost: each of these runs a portal with a database and mail server of its own.</summary>
public sealed class MailDeliveryTests
{

    [Test]
    public async Task WithTheMailServerDownAReportIsAcceptedAndItsMailArrivesOnceTheServerIsBack()
    {
        await using var smtp = await SmtpServer.Start();
        await using var portal = await Portal.StartIsolated(smtp);
        using var visitor = portal.NewSession();
        await smtp.Stop();

        var receipt = await visitor.SubmitReport(ReportAnswers.Identified("waiting@family.example"));
        var retrying = await StoredDeliveries.WaitUntil(receipt.Reference,
            deliveries => deliveries.Count > 0 && deliveries.All(d => d.Attempts >= 2), portal.ConnectionString);
        retrying.ShouldAllBe(delivery => delivery.Status == DeliveryStatus.Pending && delivery.LastError!.StartsWith("network"));

        await smtp.Resume();
        var delivered = await StoredDeliveries.WaitUntilSettled(receipt.Reference, portal.ConnectionString);

        delivered.ShouldAllBe(delivery => delivery.Status == DeliveryStatus.Sent);
        await StoredJobs.WaitUntilAllMailIsSettledAndNoJobIsLeft(portal.ConnectionString);
        var messages = smtp.Messages().Where(message => message.Subject!.Contains(receipt.Reference)).ToList();
        messages.Count.ShouldBe(delivered.Count, "one email per owed delivery, none twice");
        messages.Select(message => message.MessageId).Distinct().Count().ShouldBe(messages.Count);
    }

    [Test]
    public async Task AReportAcceptedWhileNoJobServerRunsGetsItsMailOnceOneStarts()
    {
        await using var smtp = await SmtpServer.Start();
        await using var acceptingOnly = await Portal.StartIsolated(smtp, processes: PortalProcesses.WebOnly);
        using var visitor = acceptingOnly.NewSession();
        var receipt = await visitor.SubmitReport(ReportAnswers.Identified("later@family.example"));
        (await StoredJobs.Servers(acceptingOnly.ConnectionString)).ShouldBeEmpty("the web site runs no job server");
        (await StoredDeliveries.For(receipt.Reference, acceptingOnly.ConnectionString)).ShouldAllBe(d => d.Status == DeliveryStatus.Pending);

        await using var worker = await acceptingOnly.StartAnother(processes: PortalProcesses.WorkerOnly);
        var delivered = await StoredDeliveries.WaitUntilSettled(receipt.Reference, acceptingOnly.ConnectionString);

        delivered.ShouldAllBe(delivery => delivery.Status == DeliveryStatus.Sent);
        var workers = await StoredJobs.Servers(acceptingOnly.ConnectionString);
        workers.Count.ShouldBe(1, "the worker is the only job server");
        (await StoredJobs.ServersThatRanJobs(acceptingOnly.ConnectionString)).ShouldBe(workers, "the worker sent the mail");
        await StoredJobs.WaitUntilAllMailIsSettledAndNoJobIsLeft(acceptingOnly.ConnectionString);
        smtp.Messages().Count(m => SmtpServer.IsTo(m, "later@family.example")).ShouldBe(1);
    }

    [Test]
    public async Task UrgentMailIsSentBeforeABacklogOfNormalMail()
    {
        await using var smtp = await SmtpServer.Start();
        await using var acceptingOnly = await Portal.StartIsolated(smtp, processes: PortalProcesses.WebOnly);
        using var visitor = acceptingOnly.NewSession();
        var normal = new List<string>();
        for (var i = 0; i < 40; i++)
            normal.Add((await visitor.SubmitReport(ReportAnswers.Anonymous($"Backlog {i}."))).Reference);
        var urgent = (await visitor.SubmitReport(ReportAnswers.Anonymous("A child is in danger now.").With("ChildInDanger", "Yes"))).Reference;

        await using var worker = await acceptingOnly.StartAnother(
            new Dictionary<string, string> { ["Jobs__WorkerCount"] = "1" }, PortalProcesses.WorkerOnly);
        var messages = await smtp.WaitFor(received => received.Count >= normal.Count * 2 + 1, TimeSpan.FromSeconds(60));

        var order = messages.Select(message => message.Subject).ToList();
        var firstUrgent = order.FindIndex(subject => subject!.Contains(urgent));
        firstUrgent.ShouldBeGreaterThanOrEqualTo(0);
        order[firstUrgent]!.ShouldStartWith("[URGENT]");
        firstUrgent.ShouldBeLessThan(3, "urgent mail goes out before the backlog: " + string.Join(", ", order.Take(5)));
    }

    [Test]
    public async Task ARolledBackSubmissionLeavesNoMailOwed()
    {
        await using var smtp = await SmtpServer.Start();
        await using var portal = await Portal.StartIsolated(smtp);
        await using (var connection = await TestDatabase.OpenDatabase(portal.ConnectionString))
        {
            // Fails the report's transaction at commit, after the report and its mail were written. Only the refused report
            // says a child is under 6: what a report says is sealed, so the trigger tells it by a column in clear.
            await connection.ExecuteAsync("""
                create function refuse_at_commit() returns trigger language plpgsql as
                $$ begin raise exception 'refused at commit'; end $$;
                create constraint trigger refuse_marked_reports after insert on reports
                deferrable initially deferred for each row
                when (new.child_age_range = 'UpTo5') execute function refuse_at_commit();
                """);
        }
        using var visitor = portal.NewSession();

        var refused = await visitor.SendReport(ReportAnswers.Identified("rolled-back@family.example").With("ChildAge", "UpTo5"));
        var accepted = await visitor.SubmitReport(ReportAnswers.Identified("committed@family.example"));

        refused.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var page = await refused.Content.ReadAsStringAsync();
        page.ShouldContain("Something went wrong on our side");
        page.ShouldNotContain("refused at commit");
        await using var check = await TestDatabase.OpenDatabase(portal.ConnectionString);
        (await check.ExecuteScalarAsync<long>("select count(*) from reports where child_age_range = 'UpTo5'")).ShouldBe(0);
        (await check.ExecuteScalarAsync<long>("select count(*) from reports")).ShouldBe(1);
        (await check.ExecuteScalarAsync<long>("select count(*) from mail_deliveries")).ShouldBe((await StoredDeliveries.For(accepted.Reference, portal.ConnectionString)).Count);
        await StoredDeliveries.WaitUntilSettled(accepted.Reference, portal.ConnectionString);
        smtp.Messages().ShouldNotContain(message => SmtpServer.IsTo(message, "rolled-back@family.example"));
        smtp.Messages().ShouldContain(message => SmtpServer.IsTo(message, "committed@family.example"));
    }

    [Test]
    public async Task AJobRunManyTimesAtOnceSendsEachEmailOnce()
    {
        await using var smtp = await SmtpServer.Start();
        await using var acceptingOnly = await Portal.StartIsolated(smtp, processes: PortalProcesses.WebOnly);
        using var visitor = acceptingOnly.NewSession();
        var receipt = await visitor.SubmitReport(ReportAnswers.Identified("once@family.example").With("Category", "AbuseMaterialOnline"));
        await using var services = PortalServices.For(acceptingOnly);
        await Dispatcher(services).DispatchDue(CancellationToken.None);
        var (ids, claim) = (await HandOuts(acceptingOnly.ConnectionString)).Single();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => services.GetRequiredService<MailDeliveryJob>().Deliver(ids, claim, CancellationToken.None))));
        services.GetRequiredService<MailDeliveryJob>().Deliver(ids, claim, CancellationToken.None);

        var deliveries = await StoredDeliveries.For(receipt.Reference, acceptingOnly.ConnectionString);
        deliveries.Count.ShouldBe(3, "an acknowledgement and forwards to the police cyber unit and the hotline");
        deliveries.ShouldAllBe(delivery => delivery.Status == DeliveryStatus.Sent && delivery.Attempts == 1);
        smtp.Messages().Count(message => message.Subject!.Contains(receipt.Reference)).ShouldBe(3);
    }

    [Test]
    public async Task AJobWhoseLeaseRanOutBeforeItStartedRenewsItAndSendsEachEmailOnce()
    {
        await using var smtp = await SmtpServer.Start();
        await using var acceptingOnly = await Portal.StartIsolated(smtp, processes: PortalProcesses.WebOnly);
        using var visitor = acceptingOnly.NewSession();
        var receipt = await visitor.SubmitReport(ReportAnswers.Identified("waited@family.example"));
        await using var services = PortalServices.For(acceptingOnly);
        await Dispatcher(services).DispatchDue(CancellationToken.None);
        var (ids, claim) = (await HandOuts(acceptingOnly.ConnectionString)).Single();
        // The job waited in Hangfire's queue past the lease, and no dispatcher has handed the mail out again yet.
        await using (var connection = await TestDatabase.OpenDatabase(acceptingOnly.ConnectionString))
            await connection.ExecuteAsync("update mail_deliveries set claimed_until = now() - interval '1 second'");

        services.GetRequiredService<MailDeliveryJob>().Deliver(ids, claim, CancellationToken.None);

        (await StoredDeliveries.For(receipt.Reference, acceptingOnly.ConnectionString))
            .ShouldAllBe(delivery => delivery.Status == DeliveryStatus.Sent && delivery.Attempts == 1);
        smtp.Messages().Count(message => message.Subject!.Contains(receipt.Reference)).ShouldBe(ids.Length);
        (await Dispatcher(services).DispatchDue(CancellationToken.None)).ShouldBe(0, "nothing is left to hand out again");
    }

    [Test]
    public async Task AJobThatStartsAfterItsMailWasHandedOutAgainSendsNothing()
    {
        await using var smtp = await SmtpServer.Start();
        await using var acceptingOnly = await Portal.StartIsolated(smtp, processes: PortalProcesses.WebOnly);
        using var visitor = acceptingOnly.NewSession();
        var receipt = await visitor.SubmitReport(ReportAnswers.Identified("late@family.example"));
        await using var services = PortalServices.For(acceptingOnly);
        await Dispatcher(services).DispatchDue(CancellationToken.None);
        var (ids, first) = (await HandOuts(acceptingOnly.ConnectionString)).Single();
        await using (var connection = await TestDatabase.OpenDatabase(acceptingOnly.ConnectionString))
            await connection.ExecuteAsync("update mail_deliveries set claimed_until = now() - interval '1 second'");
        await Dispatcher(services).DispatchDue(CancellationToken.None);
        var (againIds, again) = (await HandOuts(acceptingOnly.ConnectionString)).Single();
        again.ShouldNotBe(first, "the lease ran out, so the mail was handed out again");
        againIds.ShouldBe(ids, ignoreOrder: true);

        services.GetRequiredService<MailDeliveryJob>().Deliver(ids, first, CancellationToken.None);

        smtp.Messages().ShouldNotContain(message => message.Subject!.Contains(receipt.Reference));
        (await StoredDeliveries.For(receipt.Reference, acceptingOnly.ConnectionString))
            .ShouldAllBe(delivery => delivery.Status == DeliveryStatus.Pending && delivery.Attempts == 0);

        services.GetRequiredService<MailDeliveryJob>().Deliver(againIds, again, CancellationToken.None);

        (await StoredDeliveries.For(receipt.Reference, acceptingOnly.ConnectionString))
            .ShouldAllBe(delivery => delivery.Status == DeliveryStatus.Sent && delivery.Attempts == 1);
        smtp.Messages().Count(message => message.Subject!.Contains(receipt.Reference)).ShouldBe(ids.Length);
    }

    [Test]
    public async Task AcknowledgementsAreHandedOutBeforeTheForwardsOfTheSamePriority()
    {
        await using var smtp = await SmtpServer.Start();
        await using var acceptingOnly = await Portal.StartIsolated(smtp, new Dictionary<string, string> { ["Delivery__BatchSize"] = "3" },
            PortalProcesses.WebOnly);
        using var visitor = acceptingOnly.NewSession();
        var references = new List<string>();
        for (var i = 0; i < 4; i++)
            references.Add((await visitor.SubmitReport(ReportAnswers.Identified($"waiting-{i}@family.example"))).Reference);
        await using var services = PortalServices.For(acceptingOnly);

        (await Dispatcher(services).DispatchDue(CancellationToken.None)).ShouldBe(3);

        await using var connection = await TestDatabase.OpenDatabase(acceptingOnly.ConnectionString);
        var handedOut = (await connection.QueryAsync<(string Reference, DeliveryKind Kind)>("""
            select r.reference, d.kind from mail_deliveries d join reports r on r.id = d.report_id
            where d.claim_token is not null order by d.id
            """)).ToList();
        handedOut.ShouldBe(references.Take(3).Select(reference => (reference, DeliveryKind.Acknowledgement)),
            "the first three reports' acknowledgements, not the first report's forwards");
        (await connection.ExecuteScalarAsync<long>("select count(*) from mail_deliveries where kind = 'Forward'"))
            .ShouldBeGreaterThan(0, "the reports owe forwards too");
    }

    [Test]
    public async Task DuringABacklogMailIsHandedOutInWholeBatchesAndNeverBeyondMaxHandedOut()
    {
        await using var smtp = await SmtpServer.Start();
        await using var acceptingOnly = await Portal.StartIsolated(smtp,
            new Dictionary<string, string> { ["Delivery__BatchSize"] = "4", ["Delivery__MaxHandedOut"] = "10" }, PortalProcesses.WebOnly);
        using var visitor = acceptingOnly.NewSession();
        for (var i = 0; i < 5; i++)
            await visitor.SubmitReport(ReportAnswers.Identified($"backlog-{i}@family.example").With("Category", "AbuseMaterialOnline"));
        await using var services = PortalServices.For(acceptingOnly);
        var dispatcher = Dispatcher(services);

        (await dispatcher.DispatchDue(CancellationToken.None)).ShouldBe(4);
        (await dispatcher.DispatchDue(CancellationToken.None)).ShouldBe(4);
        (await dispatcher.DispatchDue(CancellationToken.None)).ShouldBe(0, "room for two more is less than a batch");

        await using var connection = await TestDatabase.OpenDatabase(acceptingOnly.ConnectionString);
        (await connection.ExecuteScalarAsync<long>("select count(*) from mail_deliveries where claim_token is not null")).ShouldBe(8);
        await connection.ExecuteAsync("""
            update mail_deliveries set status = @Sent, sent_at = now(), claimed_until = null, claim_token = null
            where id in (select id from mail_deliveries where claim_token is not null order by id limit 3)
            """, new { Sent = DeliveryStatus.Sent.Stored() });
        (await dispatcher.DispatchDue(CancellationToken.None)).ShouldBe(4, "three sent make room for a whole batch");
        (await connection.ExecuteScalarAsync<long>("select count(*) from mail_deliveries where claim_token is not null")).ShouldBe(9);
    }

    [Test]
    public async Task AJobQueuedBeforeEmailsWereHandedOutWithATokenIsHarmless()
    {
        await using var smtp = await SmtpServer.Start();
        await using var acceptingOnly = await Portal.StartIsolated(smtp, processes: PortalProcesses.WebOnly);
        using var visitor = acceptingOnly.NewSession();
        var receipt = await visitor.SubmitReport(ReportAnswers.Identified("upgrade@family.example"));
        await using (var connection = await TestDatabase.OpenDatabase(acceptingOnly.ConnectionString))
        {
            var reportId = await connection.ExecuteScalarAsync<long>("select id from reports where reference = @Reference", new { receipt.Reference });
            await using var services = PortalServices.For(acceptingOnly);
            // The job as the dispatcher queued it before an upgrade: the reports' ids only, in the queue for their priority.
            services.GetRequiredService<IBackgroundJobClient>().Create(
                Job.FromExpression<MailDeliveryJob>(job => job.Deliver(new[] { reportId }, CancellationToken.None)),
                new EnqueuedState(services.GetRequiredService<IOptions<JobsOptions>>().Value.NormalQueue));
        }

        await using var worker = await acceptingOnly.StartAnother(processes: PortalProcesses.WorkerOnly);
        var delivered = await StoredDeliveries.WaitUntilSettled(receipt.Reference, acceptingOnly.ConnectionString);
        await StoredJobs.WaitUntilAllMailIsSettledAndNoJobIsLeft(acceptingOnly.ConnectionString);

        delivered.ShouldAllBe(delivery => delivery.Status == DeliveryStatus.Sent && delivery.Attempts == 1);
        smtp.Messages().Count(message => message.Subject!.Contains(receipt.Reference)).ShouldBe(delivered.Count, "each email once");
        await using var check = await TestDatabase.OpenDatabase(acceptingOnly.ConnectionString);
        (await check.ExecuteScalarAsync<long>("select count(*) from hangfire.job where statename = 'Failed'")).ShouldBe(0);
    }

    private static MailDispatcher Dispatcher(IServiceProvider services) => ActivatorUtilities.CreateInstance<MailDispatcher>(services);

    /// <summary>The emails each hand-out holds now, by its token.</summary>
    private static async Task<List<(long[] Ids, Guid Claim)>> HandOuts(string connectionString)
    {
        await using var connection = await TestDatabase.OpenDatabase(connectionString);
        return (await connection.QueryAsync<(long Id, Guid Claim)>(
                "select id, claim_token from mail_deliveries where claim_token is not null order by id"))
            .GroupBy(row => row.Claim).Select(handOut => (handOut.Select(row => row.Id).ToArray(), handOut.Key)).ToList();
    }

    [Test]
    public async Task ARecipientRejectedWith5xxIsRecordedAsFailedAndShownToAdministrators()
    {
        await using var smtp = await SmtpServer.Start();
        await using var portal = await Portal.StartIsolated(smtp, new Dictionary<string, string>
        {
            ["Forwarding__Queues__3__Addresses__0"] = "reject-duty@childwelfare.example",
        });
        using var visitor = portal.NewSession();

        var receipt = await visitor.SubmitReport(ReportAnswers.Anonymous()
            .With("Category", "AbuseInPerson").With("ReporterRole", "ChildAboutThemselves"));
        var deliveries = await StoredDeliveries.WaitUntilSettled(receipt.Reference, portal.ConnectionString);

        var rejected = deliveries.Single(delivery => delivery.Queue == "child-welfare");
        rejected.Status.ShouldBe(DeliveryStatus.Failed);
        rejected.Attempts.ShouldBe(1, "a permanent refusal is not retried");
        rejected.LastError.ShouldStartWith("550");
        deliveries.Single(delivery => delivery.Queue == "psychosocial").Status.ShouldBe(DeliveryStatus.Sent);

        using var administrator = portal.NewSession();
        (await administrator.SignInToConsole(await ConsoleAccounts.Create(portal, administrator: true))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (response, page) = await administrator.GetPage("/console/mail");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var failedRow = page.QuerySelectorAll("#failed tbody tr").Single(row => row.TextContent.Contains(receipt.Reference));
        failedRow.TextContent.ShouldContain("reject-duty@childwelfare.example");
        failedRow.TextContent.ShouldContain("550");
    }

    [Test]
    public async Task ATemporaryRefusalIsRetriedUntilTheRetryPeriodEndsThenRecordedAsFailed()
    {
        await using var smtp = await SmtpServer.Start();
        await using var portal = await Portal.StartIsolated(smtp, new Dictionary<string, string>
        {
            ["Forwarding__Queues__3__Addresses__0"] = "defer-duty@childwelfare.example",
            ["Delivery__RetryFor"] = "00:00:04",
        });
        using var visitor = portal.NewSession();

        var receipt = await visitor.SubmitReport(ReportAnswers.Anonymous().With("Category", "AbuseInPerson"));
        var deliveries = await StoredDeliveries.WaitUntilSettled(receipt.Reference, portal.ConnectionString);

        var deferred = deliveries.Single();
        deferred.Status.ShouldBe(DeliveryStatus.Failed);
        deferred.Attempts.ShouldBeGreaterThan(2);
        deferred.LastError.ShouldStartWith("451");
    }

    [Test]
    public async Task TheJobDashboardAndMailStatusAreOnlyForSignedInAdministrators()
    {
        var portal = await Portal.Shared();
        using var anonymous = portal.NewSession();

        foreach (var path in new[] { "/jobs", "/jobs/jobs/failed", "/console/mail" })
        {
            var response = await anonymous.Get(path);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            response.Headers.Location!.OriginalString.ShouldStartWith("/console/sign-in?", customMessage: path);
        }

        var administrator = await ConsoleAccounts.Create(portal, administrator: true);
        using var wrongPassword = portal.NewSession();
        (await wrongPassword.SignInToConsole(administrator.Email, "guess", await ConsoleAccounts.NextCode(administrator)))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await wrongPassword.Get("/jobs")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var signedIn = portal.NewSession();
        (await signedIn.SignInToConsole(administrator)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var dashboard = await signedIn.Get("/jobs");
        dashboard.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await dashboard.Content.ReadAsStringAsync()).ShouldContain("ReportingPortal jobs");
    }
}
