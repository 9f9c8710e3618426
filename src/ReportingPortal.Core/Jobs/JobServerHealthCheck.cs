using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ReportingPortal.Core.Jobs;

/// <summary>
/// Ready while this process's Hangfire server is registered in the job storage and its heartbeat is recent: a process
/// whose job server stopped (or never started) takes no work and is restarted by its orchestrator.
/// </summary>
public sealed class JobServerHealthCheck(JobStorage storage) : IHealthCheck
{
    /// <summary>Four missed heartbeats (Hangfire beats every 30 seconds).</summary>
    public static readonly TimeSpan HeartbeatTolerance = TimeSpan.FromMinutes(2);

    /// <summary>This process's server name: Hangfire puts it at the start of the server's id.</summary>
    public static string ServerName { get; } = $"portal-{Environment.ProcessId}-{Guid.NewGuid():N}";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var beating = storage.GetMonitoringApi().Servers().Any(server =>
                server.Name.StartsWith(ServerName, StringComparison.OrdinalIgnoreCase)
                && server.Heartbeat is { } heartbeat && DateTime.UtcNow - heartbeat < HeartbeatTolerance);
            return Task.FromResult(beating ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The job server is not running."));
        }
        // Whatever the storage throws (the database is down, most often): not ready, and the reason stays inside.
        catch (Exception)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The job storage cannot be read."));
        }
    }
}
