using ReportingPortal.Core.Email;
using System.Collections.Concurrent;
using Dapper;

namespace ReportingPortal.IntegrationTests.ScaleOut;

/// <summary>More copies of the web site and of the worker on one database share the work without losing or repeating any.</summary>
[Category("ScaleOut")]
public sealed class ScaleOutTests
{
    private const int Reports = 300;
    private const int Reporters = 6;

    [Test]
    public async Task TwoWebAndTwoWorkerProcessesOnOneDatabaseSendEveryOwedEmailExactlyOnce()
    {
        await using var smtp = await SmtpServer.Start();
        await using var firstWeb = await Portal.StartIsolated(smtp, processes: PortalProcesses.WebOnly);
        await using var secondWeb = await firstWeb.StartAnother(processes: PortalProcesses.WebOnly);
        await using var firstWorker = await firstWeb.StartAnother(processes: PortalProcesses.WorkerOnly);
        await using var secondWorker = await firstWeb.StartAnother(processes: PortalProcesses.WorkerOnly);
        var webs = new[] { firstWeb, secondWeb };

        var served = new ConcurrentBag<(int Web, string Reference)>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Reporters).Select(_ => Task.Run(async () =>
        {
            var sessions = webs.Select(web => web.NewSession()).ToList();
            try
            {
                int n;
                while ((n = Interlocked.Increment(ref next)) < Reports)
                {
                    var receipt = await sessions[n % webs.Length].SubmitReport(Answers(n));
                    served.Add((n % webs.Length, receipt.Reference));
                }
            }
            finally
            {
                sessions.ForEach(session => session.Dispose());
            }
        })));

        served.Count.ShouldBe(Reports);
        served.Select(report => report.Reference).Distinct().Count().ShouldBe(Reports, "every report has its own reference");
        served.Count(report => report.Web == 1).ShouldBe(Reports / 2, "the reports were posted alternately to both web processes");
        await using var connection = await TestDatabase.OpenDatabase(firstWeb.ConnectionString);
        (await connection.ExecuteScalarAsync<long>("select count(*) from reports")).ShouldBe(Reports);

        await StoredJobs.WaitUntilAllMailIsSettledAndNoJobIsLeft(firstWeb.ConnectionString);
        var statuses = (await connection.QueryAsync<(string Status, long Count)>(
            "select status, count(*) from mail_deliveries group by status")).ToList();
        statuses.ShouldHaveSingleItem($"every email was sent: {string.Join(", ", statuses)}").Status.ShouldBe(nameof(DeliveryStatus.Sent));
        var owed = statuses.Single().Count;
        owed.ShouldBeGreaterThan(Reports * 2, "each report owes an acknowledgement and at least one forward");

        // Every job ended, so nothing is still being sent: what the mail server holds now is all that arrives.
        var messages = await smtp.WaitFor(received => received.Count >= owed, TimeSpan.FromSeconds(30));
        messages.Select(message => message.MessageId).Distinct().Count().ShouldBe((int)owed, "every owed email arrived");
        messages.Count.ShouldBe((int)owed, "no email arrived twice");
        served.ShouldAllBe(report => messages.Any(message => message.Subject!.Contains(report.Reference)));

        var jobStates = (await connection.QueryAsync<string>("select distinct name from hangfire.state")).ToList();
        jobStates.ShouldNotContain("Failed", "no job failed, not even once before a retry");
        (await connection.QueryAsync<string>("select distinct statename from hangfire.job")).ShouldBe(["Succeeded"]);
        (await StoredJobs.ServersThatRanJobs(firstWeb.ConnectionString)).ShouldBe(await StoredJobs.Servers(firstWeb.ConnectionString),
            ignoreOrder: true, "both workers, and only they, ran jobs");
        (await StoredJobs.Servers(firstWeb.ConnectionString)).Count.ShouldBe(2);
    }

    /// <summary>Identified reports of several kinds, so they owe acknowledgements and forwards to different queues.</summary>
    private static Dictionary<string, string> Answers(int n) =>
        ReportAnswers.Identified($"scale{n}@family.example")
            .With("Category", (n % 3) switch { 0 => "AbuseMaterialOnline", 1 => "Grooming", _ => "Sextortion" })
            .With("ChildInDanger", n % 10 == 0 ? "Yes" : "No");
}
