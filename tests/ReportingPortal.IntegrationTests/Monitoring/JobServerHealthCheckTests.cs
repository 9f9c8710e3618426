using System.Diagnostics;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ReportingPortal.Core.Jobs;

namespace ReportingPortal.IntegrationTests.Monitoring;

/// <summary>A process that runs the job server is ready only while its own server beats in the job storage.</summary>
public sealed class JobServerHealthCheckTests
{
    [Test]
    public async Task ReadyWhileThisProcesssJobServerRunsAndNotBeforeOrAfter()
    {
        var portal = await Portal.Shared();
        await using var services = PortalServices.For(portal);
        var storage = services.GetRequiredService<JobStorage>();
        var check = new JobServerHealthCheck(storage);

        (await Status(check)).ShouldBe(HealthStatus.Unhealthy, "the portal's own servers are not this process's");

        // A queue no job is put in: this server takes none of the portal's work.
        var server = new BackgroundJobServer(new BackgroundJobServerOptions
        {
            ServerName = JobServerHealthCheck.ServerName,
            Queues = ["health_check_test"],
            WorkerCount = 1,
        }, storage);
        try
        {
            var waited = Stopwatch.StartNew();
            while (await Status(check) != HealthStatus.Healthy && waited.Elapsed < TimeSpan.FromSeconds(30))
                await Task.Delay(200);
            (await Status(check)).ShouldBe(HealthStatus.Healthy);
        }
        finally
        {
            server.Dispose();
        }

        (await Status(check)).ShouldBe(HealthStatus.Unhealthy, "a stopped server removes itself from the storage");
    }

    private static async Task<HealthStatus> Status(JobServerHealthCheck check) =>
        (await check.CheckHealthAsync(new HealthCheckContext())).Status;
}
