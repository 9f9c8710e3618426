using ReportingPortal.Core.Storage;
using ReportingPortal.Core.Email;
using System.Collections.Concurrent;
using System.Net;
using Dapper;

namespace ReportingPortal.IntegrationTests.Faults;

/// <summary>Nothing is lost when the process, the mail server or the database fails: each test breaks one of them.</summary>
[Category("Faults")]
public sealed class FaultTests
{
    private const int SmtpConnections = 4;

    // Short enough for mail abandoned by a killed process to be picked up again within the test.
    private static readonly Dictionary<string, string> QuickRecovery = new()
    {
        ["Delivery__ClaimLease"] = "00:00:04",
        ["Smtp__TimeoutSeconds"] = "3",
        ["Smtp__MaxConnections"] = SmtpConnections.ToString(),
    };

    [Test]
    public async Task KillingTheSiteDuringABurstOfSubmissionsLosesNoReportWhoseReceiptWasServed()
    {
        await using var smtp = await SmtpServer.Start();
        await using var portal = await Portal.StartIsolated(smtp, QuickRecovery);

        var served = await Burst(portal, reporters: 6, until: receipts => receipts.Count >= 40, kill: portal.Kill);

        portal.HasExited.ShouldBeTrue();
        served.Count.ShouldBeGreaterThanOrEqualTo(40);
        await using (var connection = await TestDatabase.OpenDatabase(portal.ConnectionString))
        {
            var stored = await connection.QueryAsync<string>("select reference from reports where reference = any(@served)", new { served });
            stored.ShouldBe(served, ignoreOrder: true);
        }
        await using var restarted = await portal.StartAnother();
        var duplicates = await EveryOwedEmailArrives(smtp, portal.ConnectionString, served);
        duplicates.ShouldBeLessThanOrEqualTo(SmtpConnections, "at most one duplicate per SMTP connection in use at the kill");
    }

    [Test]
    public async Task WhenTheMailServerIsDownForAWhileEveryOwedEmailIsDeliveredOnceItIsBack()
    {
        await using var smtp = await SmtpServer.Start();
        await using var portal = await Portal.StartIsolated(smtp);
        using var visitor = portal.NewSession();
        var references = new List<string>();
        for (var i = 0; i < 5; i++)
            references.Add((await visitor.SubmitReport(ReportAnswers.Identified($"before{i}@family.example"))).Reference);

        await smtp.Stop();
        for (var i = 0; i < 10; i++)
            references.Add((await visitor.SubmitReport(ReportAnswers.Identified($"during{i}@family.example"))).Reference);
        foreach (var reference in references.Skip(5))
            await StoredDeliveries.WaitUntil(reference, deliveries => deliveries.Count > 0 && deliveries.All(d => d.Attempts >= 1),
                portal.ConnectionString);
        await smtp.Resume();

        var duplicates = await EveryOwedEmailArrives(smtp, portal.ConnectionString, references);
        duplicates.ShouldBe(0, "no email twice");
    }

    [Test]
    public async Task WhileTheDatabaseRestartsTheSiteAnswersAKindPageAndRecoversWithoutARestart()
    {
        await using var database = await ThrowawayPostgres.Start();
        await using var smtp = await SmtpServer.Start();
        // Mail handed to Hangfire while the database went away waits for its lease (Delivery:ClaimLease); see docs/reliability.md.
        var settings = new Dictionary<string, string>(QuickRecovery);
        foreach (var (key, value) in smtp.PortalSettings())
            settings[key] = value;
        settings["ConnectionStrings__Portal"] = database.ConnectionString;
        await using var portal = await Portal.Start(settings);
        var answers = new ConcurrentBag<(HttpStatusCode Status, bool Receipt, string Page)>();

        var served = await Burst(portal, reporters: 3, until: receipts => receipts.Count >= 10);
        using var visitor = portal.NewSession();
        var outage = Task.Run(async () =>
        {
            await database.Stop();
            await Task.Delay(TimeSpan.FromSeconds(3));
            await database.Resume();
        });
        while (!outage.IsCompleted)
        {
            // Any step of the form may meet the outage: the form, its check step, the send or the receipt.
            var (last, receipt) = await visitor.TryToReport(ReportAnswers.Identified("outage@family.example"));
            answers.Add((last.StatusCode, receipt is not null, await last.Content.ReadAsStringAsync()));
            if (receipt is not null)
                served.Add(receipt.Reference);
            await Task.Delay(50);
        }
        await outage;
        served.AddRange(await Burst(portal, reporters: 3, until: receipts => receipts.Count >= 10));

        portal.IsRunning.ShouldBeTrue("the site and the worker recovered without a restart:\n" + portal.Output);
        var unavailable = answers.Where(answer => answer.Status == HttpStatusCode.ServiceUnavailable).ToList();
        unavailable.ShouldNotBeEmpty("the database was away for three seconds");
        answers.ShouldAllBe(answer => answer.Receipt || answer.Status == HttpStatusCode.ServiceUnavailable,
            "a receipt or the kind page, whatever step met the outage");
        foreach (var (_, _, page) in unavailable)
        {
            // A receipt met by the outage says the report may well be stored; any other step, that nothing was sent.
            page.ShouldSatisfyAllConditions(
                () => (page.Contains("We cannot take reports for a moment") || page.Contains("We cannot show your receipt for a moment")).ShouldBeTrue(page),
                () => (page.Contains("We cannot show your receipt") && page.Contains("has not been saved")).ShouldBeFalse(page));
            page.ShouldNotContain("Exception");
            page.ShouldNotContain("Npgsql");
            page.ShouldNotContain(" at ReportingPortal");
        }
        var duplicates = await EveryOwedEmailArrives(smtp, database.ConnectionString, served);
        duplicates.ShouldBeLessThanOrEqualTo(SmtpConnections, "at most one per SMTP connection: sent as the database went away, before it was recorded");
    }

    [Test]
    public async Task AReceiptMetByADatabaseOutageSaysNotToSendAgainAndIsShownOnceTheDatabaseIsBack()
    {
        await using var database = await ThrowawayPostgres.Start();
        var settings = Portal.DefaultSettings();
        settings["ConnectionStrings__Portal"] = database.ConnectionString;
        await using var portal = await Portal.Start(settings, PortalProcesses.WebOnly);
        using var visitor = portal.NewSession();
        var sent = await visitor.SendReport(ReportAnswers.Anonymous("Sent just before the database went away."));
        sent.StatusCode.ShouldBe(HttpStatusCode.SeeOther);

        await database.Stop();
        var (away, awayPage) = await visitor.GetPage(sent.Headers.Location!.ToString());

        away.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var said = awayPage.Body!.TextContent;
        said.ShouldContain("We cannot show your receipt for a moment");
        said.ShouldContain("Please do not send it again");
        said.ShouldNotContain("has not been saved");
        said.ShouldNotContain("send it again in a minute");
        await database.Resume();
        var stored = (await StoredReport.WithDescription("Sent just before the database went away.", database.ConnectionString)).Single().reference;

        // The first pages after the restart may still meet connections the restart broke; each keeps the receipt.
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        var (back, backPage) = await visitor.GetPage(sent.Headers.Location!.ToString());
        while (back.StatusCode == HttpStatusCode.ServiceUnavailable && waiting.Elapsed < TimeSpan.FromSeconds(30))
        {
            backPage.Body!.TextContent.ShouldContain("We cannot show your receipt for a moment");
            await Task.Delay(200);
            (back, backPage) = await visitor.GetPage(sent.Headers.Location!.ToString());
        }

        back.StatusCode.ShouldBe(HttpStatusCode.OK);
        backPage.QuerySelector("#reference")!.TextContent.Trim().ShouldBe(stored);
        backPage.QuerySelector("#access-code")!.TextContent.Trim().ShouldMatch(@"^([0-9A-HJKMNP-TV-Z]{4}-){3}[0-9A-HJKMNP-TV-Z]{4}$");
    }

    [Test]
    public async Task WhenJobsCannotBeCreatedForAWhileTheWorkerKeepsRunningAndSendsTheMailAfterwards()
    {
        await using var smtp = await SmtpServer.Start();
        await using var portal = await Portal.StartIsolated(smtp, QuickRecovery);
        await using var connection = await TestDatabase.OpenDatabase(portal.ConnectionString);
        // The job storage fails as it does when the database goes away between the claim and the job's creation.
        await connection.ExecuteAsync("""
            create function hangfire.refuse_jobs() returns trigger language plpgsql as
            $$ begin raise exception 'no jobs for now'; end $$;
            create trigger refuse_jobs before insert on hangfire.job for each row execute function hangfire.refuse_jobs();
            """);
        using var visitor = portal.NewSession();

        var receipt = await visitor.SubmitReport(ReportAnswers.Identified("no-jobs@family.example"));
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        while (portal.IsRunning && !portal.Output.Contains("Cannot hand out owed mail (BackgroundJobClientException)"))
        {
            waiting.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), "the dispatcher tried to create a job");
            await Task.Delay(50);
        }
        portal.IsRunning.ShouldBeTrue("the worker outlives a failed job creation:\n" + portal.Output);
        await connection.ExecuteAsync("drop trigger refuse_jobs on hangfire.job");

        (await StoredDeliveries.WaitUntilSettled(receipt.Reference, portal.ConnectionString)).ShouldAllBe(delivery => delivery.Status == DeliveryStatus.Sent);
        var duplicates = await EveryOwedEmailArrives(smtp, portal.ConnectionString, [receipt.Reference]);
        duplicates.ShouldBe(0);
    }

    [Test]
    public async Task AWorkerStartsAndSendsMailWhileAKilledWorkersRecurringJobLockIsStillHeld()
    {
        await using var smtp = await SmtpServer.Start();
        await using var accepting = await Portal.StartIsolated(smtp, QuickRecovery, PortalProcesses.WebOnly);
        await using (var connection = await TestDatabase.OpenDatabase(accepting.ConnectionString))
        {
            // What a worker killed while Hangfire's scheduler held a recurring job's lock leaves behind, for minutes.
            await connection.ExecuteAsync("""
                insert into hangfire.lock (resource, acquired) values ('hangfire:lock:recurring-job:deadline-reminders', now())
                """);
        }

        await using var worker = await accepting.StartAnother(processes: PortalProcesses.WorkerOnly);
        using var visitor = accepting.NewSession();
        var receipt = await visitor.SubmitReport(ReportAnswers.Identified("lock-held@family.example"));

        (await StoredDeliveries.WaitUntilSettled(receipt.Reference, accepting.ConnectionString)).ShouldAllBe(delivery => delivery.Status == DeliveryStatus.Sent);
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        while (!worker.Output.Contains("Could not declare the recurring jobs, a job's lock is held"))
        {
            waiting.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), "the worker met the lock:\n" + worker.Output);
            await Task.Delay(100);
        }
        worker.IsRunning.ShouldBeTrue();
    }

    [Test]
    public async Task KillingTheSiteWhileItSendsMailLosesNoEmailAndDuplicatesAtMostOnePerConnection()
    {
        await using var smtp = await SmtpServer.Start();
        await using var accepting = await Portal.StartIsolated(smtp, QuickRecovery, PortalProcesses.WebOnly);
        var served = await Burst(accepting, reporters: 4, until: receipts => receipts.Count >= 120);
        var owed = await OwedEmails(accepting.ConnectionString);

        var kills = 0;
        for (; kills < 2; kills++)
        {
            await using var sender = await accepting.StartAnother(processes: PortalProcesses.WorkerOnly);
            var before = smtp.Count();
            var waiting = System.Diagnostics.Stopwatch.StartNew();
            while (smtp.Count() < before + owed / 4)
            {
                waiting.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60), "the worker sends a quarter of the mail");
                await Task.Delay(10);
            }
            sender.Kill();
            (await PendingEmails(accepting.ConnectionString)).ShouldBeGreaterThan(0, "the kill came while mail was still being sent");
        }
        await using var last = await accepting.StartAnother(processes: PortalProcesses.WorkerOnly);

        var duplicates = await EveryOwedEmailArrives(smtp, accepting.ConnectionString, served);
        duplicates.ShouldBeLessThanOrEqualTo(kills * SmtpConnections, "at most one duplicate per SMTP connection in use at each kill");
    }

    [Test]
    public async Task StoppingTheWorkerWhileItSendsMailLosesNoEmailAndRepeatsNone()
    {
        await using var smtp = await SmtpServer.Start();
        await using var accepting = await Portal.StartIsolated(smtp, QuickRecovery, PortalProcesses.WebOnly);
        var served = await Burst(accepting, reporters: 4, until: receipts => receipts.Count >= 120);
        var owed = await OwedEmails(accepting.ConnectionString);

        // One connection, so the mail is still draining when the signal arrives.
        await using (var stopping = await accepting.StartAnother(new Dictionary<string, string> { ["Smtp__MaxConnections"] = "1" },
                         PortalProcesses.WorkerOnly))
        {
            var waiting = System.Diagnostics.Stopwatch.StartNew();
            while (smtp.Count() < owed / 10)
            {
                waiting.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60), "the worker sends a tenth of the mail");
                await Task.Delay(10);
            }
            await stopping.Stop(TimeSpan.FromSeconds(10));
            (await PendingEmails(accepting.ConnectionString)).ShouldBeGreaterThan(0, "the worker stopped while mail was still owed");
        }
        await using var next = await accepting.StartAnother(processes: PortalProcesses.WorkerOnly);

        var duplicates = await EveryOwedEmailArrives(smtp, accepting.ConnectionString, served);
        duplicates.ShouldBe(0, "a worker asked to stop finishes the email it is sending and records it");
    }

    /// <summary>
    /// Reporters sending identified reports at once until <paramref name="until"/> holds, then <paramref name="kill"/>;
    /// returns the reference of every receipt shown. Every answer before the kill must be a receipt with a reference;
    /// after it, only a refused connection ends a reporter.
    /// </summary>
    private static async Task<List<string>> Burst(Portal portal, int reporters, Func<ConcurrentBag<string>, bool> until, Action? kill = null)
    {
        var served = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var killed = 0;
        var number = 0;
        async Task Reporter()
        {
            using var visitor = portal.NewSession();
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var n = Interlocked.Increment(ref number);
                    var response = await visitor.SendReport(ReportAnswers.Identified($"burst{n}@family.example")
                        .With("Category", n % 2 == 0 ? "AbuseMaterialOnline" : "Grooming"));
                    response.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await response.Content.ReadAsStringAsync());
                    var receipt = await visitor.ReadReceipt(response);
                    receipt.Reference.ShouldNotBeEmpty("a receipt shows its reference");
                    served.Add(receipt.Reference);
                }
                catch (Exception exception) when (Volatile.Read(ref killed) == 1 && exception is HttpRequestException or TaskCanceledException)
                {
                    return;
                }
                if (until(served) && !stop.IsCancellationRequested)
                {
                    await stop.CancelAsync();
                    if (kill is not null)
                    {
                        Volatile.Write(ref killed, 1);
                        kill();
                    }
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, reporters).Select(_ => Task.Run(Reporter))).WaitAsync(TimeSpan.FromSeconds(120));
        return served.ToList();
    }

    private static async Task<int> OwedEmails(string connectionString)
    {
        await using var connection = await TestDatabase.OpenDatabase(connectionString);
        return await connection.ExecuteScalarAsync<int>("select count(*) from mail_deliveries");
    }

    private static async Task<int> PendingEmails(string connectionString)
    {
        await using var connection = await TestDatabase.OpenDatabase(connectionString);
        return await connection.ExecuteScalarAsync<int>("select count(*) from mail_deliveries where status = @Pending", new { Pending = DeliveryStatus.Pending.Stored() });
    }

    /// <summary>
    /// Waits until every email owed in the database is sent, checks each arrived (counted by Message-ID) and every
    /// served report's mail among them; returns how many arrived twice.
    /// </summary>
    private static async Task<int> EveryOwedEmailArrives(SmtpServer smtp, string connectionString, IReadOnlyCollection<string> served)
    {
        served.Count.ShouldBe(served.Distinct().Count(), "each receipt has its own reference");
        await using var connection = await TestDatabase.OpenDatabase(connectionString);
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        while (await connection.ExecuteScalarAsync<long>("select count(*) from mail_deliveries where status = @Pending", new { Pending = DeliveryStatus.Pending.Stored() }) > 0)
        {
            waiting.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(90), "owed mail is still pending");
            await Task.Delay(100);
        }
        var unsent = await connection.QueryAsync<string>("select status || ' ' || coalesce(last_error, '') from mail_deliveries where status <> @Sent", new { Sent = DeliveryStatus.Sent.Stored() });
        unsent.ShouldBeEmpty("every owed email was sent");
        (await connection.ExecuteScalarAsync<long>("""
            select count(*) from reports r
            where not exists (select 1 from mail_deliveries d where d.report_id = r.id and d.kind = @Acknowledgement)
               or not exists (select 1 from mail_deliveries d where d.report_id = r.id and d.kind = @Forward)
            """, new { Acknowledgement = DeliveryKind.Acknowledgement.Stored(), Forward = DeliveryKind.Forward.Stored() })).ShouldBe(0, "every identified report owes an acknowledgement and a forward");
        var owed = await connection.ExecuteScalarAsync<int>("select count(*) from mail_deliveries");
        var stored = (await connection.QueryAsync<string>("select reference from reports")).ToHashSet();
        served.ShouldAllBe(reference => stored.Contains(reference));

        var messages = await smtp.WaitFor(received => received.Select(message => message.MessageId).Distinct().Count() >= owed,
            TimeSpan.FromSeconds(30));
        messages.Select(message => message.MessageId).Distinct().Count().ShouldBe(owed, "every owed email arrived, and nothing else");
        messages.ShouldAllBe(message => stored.Any(reference => message.Subject!.Contains(reference)));
        served.ShouldAllBe(reference => messages.Any(message => message.Subject!.Contains(reference)));
        return messages.Count - owed;
    }
}
