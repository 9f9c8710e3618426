using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using ReportingPortal.Core.Configuration;

namespace ReportingPortal.Core.Monitoring;

public static class MonitoringServiceCollectionExtensions
{
    /// <summary>
    /// OpenTelemetry metrics (the portal's meter, ASP.NET Core's HTTP server metrics, the runtime's) exported for
    /// Prometheus on the management port, which listens on Management:Urls or <paramref name="defaultUrls"/>. The series
    /// carry <paramref name="serviceName"/> (target_info's service_name) so the web site's and the worker's can be told apart.
    /// </summary>
    public static IServiceCollection AddManagementPort(this IServiceCollection services, string serviceName, string defaultUrls,
        ManagementEndpoints endpoints)
    {
        services.AddOptions<ManagementOptions>().Configure(options => options.Urls = defaultUrls);
        services.AddValidatedOptions<ManagementOptions>(ManagementOptions.Section);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics
                .AddMeter(PortalMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        services.AddHostedService(provider => ActivatorUtilities.CreateInstance<ManagementServer>(provider, endpoints));
        return services;
    }
}
