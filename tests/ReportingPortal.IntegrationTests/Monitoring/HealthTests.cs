using System.Diagnostics;
using System.Net;

namespace ReportingPortal.IntegrationTests.Monitoring;

/// <summary>Liveness and readiness on the web site's port and the worker's management port, as an orchestrator probes them.</summary>
public sealed class HealthTests
{
    [Test]
    public async Task LiveAndReadyAnswerHealthyOnTheWebSiteAndTheWorker()
    {
        var portal = await Portal.Shared();
        using var client = new HttpClient();

        foreach (var path in new[] { "/health/live", "/health/ready", "/health" })
            await ShouldAnswer(client, new Uri(portal.Address, path), HttpStatusCode.OK, "Healthy");
        await ShouldAnswer(client, new Uri(portal.WorkerManagementAddress, "/health/live"), HttpStatusCode.OK, "Healthy");
        // Ready once its job server has announced itself to the job storage.
        await Until(async () => (await client.GetAsync(new Uri(portal.WorkerManagementAddress, "/health/ready"))).IsSuccessStatusCode);
        await ShouldAnswer(client, new Uri(portal.WorkerManagementAddress, "/health/ready"), HttpStatusCode.OK, "Healthy");
    }

    [Test]
    public async Task WhileTheDatabaseIsDownReadinessAnswers503UnhealthyWithoutInternalsAndLivenessStaysHealthy()
    {
        await using var database = await ThrowawayPostgres.Start();
        await using var portal = await Portal.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__Portal"] = database.ConnectionString,
        });
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        var webReady = new Uri(portal.Address, "/health/ready");
        var workerReady = new Uri(portal.WorkerManagementAddress, "/health/ready");
        await Until(async () => (await client.GetAsync(workerReady)).IsSuccessStatusCode);

        await database.Stop();
        try
        {
            foreach (var ready in new[] { webReady, workerReady, new Uri(portal.Address, "/health") })
            {
                var answer = await client.GetAsync(ready);
                var body = await answer.Content.ReadAsStringAsync();
                answer.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, body);
                body.ShouldBe("Unhealthy", "the status only: no exception, connection string or host");
            }
            await ShouldAnswer(client, new Uri(portal.Address, "/health/live"), HttpStatusCode.OK, "Healthy");
            await ShouldAnswer(client, new Uri(portal.WorkerManagementAddress, "/health/live"), HttpStatusCode.OK, "Healthy");
        }
        finally
        {
            await database.Resume();
        }

        await Until(async () => (await client.GetAsync(webReady)).IsSuccessStatusCode && (await client.GetAsync(workerReady)).IsSuccessStatusCode);
        portal.IsRunning.ShouldBeTrue(portal.Output);
    }

    [Test]
    public async Task HealthIsNotRateLimited()
    {
        await using var portal = await Portal.Start(new Dictionary<string, string>
        {
            ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
            ["RateLimits__Challenges__PermitLimit"] = "2",
            ["RateLimits__Challenges__Window"] = "01:00:00",
            ["RateLimits__Guesses__PermitLimit"] = "2",
            ["RateLimits__Guesses__Window"] = "01:00:00",
            ["RateLimits__ReportSteps__PermitLimit"] = "2",
            ["RateLimits__ReportSteps__Window"] = "01:00:00",
        }, PortalProcesses.WebOnly);
        using var probe = portal.NewSession().Through("203.0.113.80");
        (await probe.Get("/captcha/challenge")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await probe.Get("/captcha/challenge")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await probe.Get("/captcha/challenge")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "this client is over a limit");

        for (var i = 0; i < 20; i++)
        {
            foreach (var path in new[] { "/health/live", "/health/ready", "/health" })
            {
                var answer = await probe.Get(path);
                answer.StatusCode.ShouldBe(HttpStatusCode.OK, path);
                answer.Headers.Contains("Set-Cookie").ShouldBeFalse(path);
                answer.Headers.CacheControl!.NoStore.ShouldBeTrue(path);
            }
        }
    }

    private static async Task ShouldAnswer(HttpClient client, Uri address, HttpStatusCode status, string body)
    {
        var answer = await client.GetAsync(address);
        (await answer.Content.ReadAsStringAsync()).ShouldBe(body, address.ToString());
        answer.StatusCode.ShouldBe(status, address.ToString());
        answer.Headers.CacheControl!.NoStore.ShouldBeTrue(address.ToString());
        answer.Headers.Contains("Set-Cookie").ShouldBeFalse(address.ToString());
    }

    private static async Task Until(Func<Task<bool>> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(60))
                Assert.Fail("The condition did not hold within a minute.");
            await Task.Delay(200);
        }
    }
}
