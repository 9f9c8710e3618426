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
        ["Delivery__HandOutAgainAfter"] = "00:00:03",
        ["Delivery__ClaimLease"] = "00:00:04",
        ["Smtp__TimeoutSeconds"] = "3",
        ["Smtp__MaxConnections"] = SmtpConnections.ToString(),
    };

    [Test]
    public async Task KillingTheSiteDuringABurstOfSubmissionsLosesNoReportWhoseReceiptWasServed()
    {
        await using var smtp = await SmtpServer.Start();
        await using var portal = await Portal.StartIsolated(smtp, QuickRecovery);

        var served = await Burst(portal, reporters: 6, until: receipts => receipts.Count >= 40, whenDone: portal.Kill);

        portal.HasExited.ShouldBeTrue();
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
        await Task.Delay(TimeSpan.FromSeconds(3));
        await smtp.Resume();

        var duplicates = await EveryOwedEmailArrives(smtp, portal.ConnectionString, references);
        duplicates.ShouldBe(0, "no email twice");
    }

    [Test]
    public async Task WhileTheDatabaseRestartsTheSiteAnswersAKindPageAndRecoversWithoutARestart()
    {
        await using var database = await ThrowawayPostgres.Start();
        await using var smtp = await SmtpServer.Start();
        // Mail handed to Hangfire while the database went away waits for Delivery:HandOutAgainAfter; see docs/reliability.md.
        var settings = new Dictionary<string, string>(QuickRecovery);
        foreach (var (key, value) in smtp.PortalSettings())
            settings[key] = value;
        settings["ConnectionStrings__Portal"] = database.ConnectionString;
        await using var portal = await Portal.Start(settings);
        var answers = new ConcurrentBag<(HttpStatusCode Status, string Page)>();

        var served = await Burst(portal, reporters: 3, until: receipts => receipts.Count >= 10, whenDone: () => { });
        using var visitor = portal.NewSession();
        var outage = Task.Run(async () =>
        {
            await database.Stop();
            await Task.Delay(TimeSpan.FromSeconds(3));
            await database.Resume();
        });
        while (!outage.IsCompleted)
        {
            var response = await visitor.SendReport(ReportAnswers.Identified("outage@family.example"));
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
            if (response.StatusCode == HttpStatusCode.SeeOther)
                served.Add((await visitor.ReadReceipt(response)).Reference);
            await Task.Delay(50);
        }
        await outage;
        served.AddRange(await Burst(portal, reporters: 3, until: receipts => receipts.Count >= 10, whenDone: () => { }));

        portal.HasExited.ShouldBeFalse("the site recovered without a restart of its own");
        var unavailable = answers.Where(answer => answer.Status == HttpStatusCode.ServiceUnavailable).ToList();
        unavailable.ShouldNotBeEmpty("the database was away for three seconds");
        answers.ShouldAllBe(answer => answer.Status == HttpStatusCode.SeeOther || answer.Status == HttpStatusCode.ServiceUnavailable);
        foreach (var (_, page) in unavailable)
        {
            page.ShouldContain("We cannot take reports for a moment");
            page.ShouldNotContain("Exception");
            page.ShouldNotContain("Npgsql");
            page.ShouldNotContain(" at ReportingPortal");
        }
        var duplicates = await EveryOwedEmailArrives(smtp, database.ConnectionString, served.Distinct().ToList());
        duplicates.ShouldBe(0);
    }

    [Test]
    public async Task KillingTheSiteWhileItSendsMailLosesNoEmailAndDuplicatesAtMostOnePerConnection()
    {
        await using var smtp = await SmtpServer.Start();
        await using var accepting = await Portal.StartIsolated(smtp, QuickRecovery, PortalProcesses.WebOnly);
        var served = await Burst(accepting, reporters: 4, until: receipts => receipts.Count >= 120, whenDone: () => { });
        var owed = await OwedEmails(accepting.ConnectionString);

        var kills = 0;
        for (; kills < 2; kills++)
        {
            await using var sender = await accepting.StartAnother(processes: PortalProcesses.WorkerOnly);
            var before = smtp.Count();
            var waiting = System.Diagnostics.Stopwatch.StartNew();
            while (smtp.Count() < before + owed / 4 && waiting.Elapsed < TimeSpan.FromSeconds(60))
                await Task.Delay(10);
            sender.Kill();
        }
        smtp.Count().ShouldBeLessThan(owed, "the kills came while mail was still being sent");
        await using var last = await accepting.StartAnother(processes: PortalProcesses.WorkerOnly);

        var duplicates = await EveryOwedEmailArrives(smtp, accepting.ConnectionString, served);
        duplicates.ShouldBeLessThanOrEqualTo(kills * SmtpConnections, "at most one duplicate per SMTP connection in use at each kill");
    }

    /// <summary>Reporters sending identified reports at once until <paramref name="until"/> holds; the references whose receipt was shown.</summary>
    private static async Task<List<string>> Burst(Portal portal, int reporters, Func<ConcurrentBag<string>, bool> until, Action whenDone)
    {
        var served = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
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
                    if (response.StatusCode == HttpStatusCode.SeeOther)
                    {
                        var receipt = await visitor.ReadReceipt(response);
                        if (receipt.Reference.Length > 0)
                            served.Add(receipt.Reference);
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or ShouldAssertException)
                {
                    return;
                }
                if (until(served) && !stop.IsCancellationRequested)
                {
                    whenDone();
                    await stop.CancelAsync();
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, reporters).Select(_ => Task.Run(Reporter)));
        return served.ToList();
    }

    private static async Task<int> OwedEmails(string connectionString)
    {
        await using var connection = await TestDatabase.OpenDatabase(connectionString);
        return await connection.ExecuteScalarAsync<int>("select count(*) from mail_deliveries");
    }

    /// <summary>Waits until the reports' mail is all sent, checks each email reached the server; returns how many arrived twice.</summary>
    private static async Task<int> EveryOwedEmailArrives(SmtpServer smtp, string connectionString, IReadOnlyCollection<string> references)
    {
        var owed = 0;
        foreach (var reference in references)
        {
            var deliveries = await StoredDeliveries.WaitUntilSettled(reference, connectionString, TimeSpan.FromSeconds(90));
            deliveries.ShouldAllBe(delivery => delivery.Status == "Sent", reference);
            owed += deliveries.Count;
        }
        var messages = await smtp.WaitFor(received =>
            references.All(reference => received.Count(m => m.Subject!.Contains(reference)) >= 1), TimeSpan.FromSeconds(30));
        var ours = messages.Where(message => references.Any(reference => message.Subject!.Contains(reference))).ToList();
        ours.Select(message => message.MessageId).Distinct().Count().ShouldBe(owed, "every owed email arrived");
        return ours.Count - owed;
    }
}
