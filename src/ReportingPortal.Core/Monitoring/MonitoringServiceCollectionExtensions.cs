using OpenTelemetry.Metrics;
using ReportingPortal.Core.Configuration;

namespace ReportingPortal.Core.Monitoring;

public static class MonitoringServiceCollectionExtensions
{
    /// <summary>
    /// OpenTelemetry metrics (the portal's meter, ASP.NET Core's HTTP server metrics, the runtime's) exported for
    /// Prometheus on the management port, which listens on Management:Urls or <paramref name="defaultUrls"/>.
    /// </summary>
    public static IServiceCollection AddManagementPort(this IServiceCollection services, string defaultUrls, ManagementEndpoints endpoints)
    {
        services.AddOptions<ManagementOptions>().Configure(options => options.Urls = defaultUrls);
        services.AddValidatedOptions<ManagementOptions>(ManagementOptions.Section);
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(PortalMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        services.AddHostedService(provider => ActivatorUtilities.CreateInstance<ManagementServer>(provider, endpoints));
        return services;
    }
}
