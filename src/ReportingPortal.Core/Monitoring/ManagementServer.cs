using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace ReportingPortal.Core.Monitoring;

/// <summary>
/// A Kestrel server of its own on Management:Urls, beside the host it runs in, serving /metrics (and the health
/// endpoints where asked). Apart from the public site, it shares none of its middleware: no host filtering, cookies,
/// rate limits or pages; nothing of the public site is reachable through it.
/// </summary>
public sealed class ManagementServer(
    IOptions<ManagementOptions> options,
    MeterProvider meters,
    HealthCheckService health,
    ManagementEndpoints endpoints) : IHostedService, IAsyncDisposable
{
    public const string Metrics = "/metrics";

    private WebApplication? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore()
            .ConfigureKestrel(kestrel => kestrel.AddServerHeader = false)
            .UseUrls(options.Value.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.Services.AddRouting();
        // The host's checks, so readiness here is the host's readiness.
        builder.Services.AddSingleton(health);
        _server = builder.Build();
        _server.UseRouting();
        _server.MapPrometheusScrapingEndpoint(Metrics, meters, configureBranchedPipeline: null, optionsName: null);
        if (endpoints == ManagementEndpoints.MetricsAndHealth)
            _server.MapPortalHealth();
        await _server.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
            await _server.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
