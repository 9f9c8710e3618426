using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;

namespace ReportingPortal.Core.Monitoring;

/// <summary>
/// Liveness and readiness, the same on the web site's port and the worker's management port. The body is only the
/// status ("Healthy", "Unhealthy"): never a check's description or exception. Responses are not cached.
/// </summary>
public static class HealthEndpoints
{
    public const string Live = "/health/live";
    public const string Ready = "/health/ready";

    /// <summary>The tag of the checks readiness runs: the database, its migrations and, where it runs, the job server.</summary>
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapPortalHealth(this IEndpointRouteBuilder endpoints, params string[] readyAliases)
    {
        // The process answers: nothing is checked, so a database outage never gets a healthy copy restarted.
        endpoints.MapHealthChecks(Live, new HealthCheckOptions { Predicate = _ => false });
        foreach (var path in readyAliases.Prepend(Ready))
            endpoints.MapHealthChecks(path, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return endpoints;
    }
}
