using ReportingPortal.Core;
using ReportingPortal.Core.Jobs;
using ReportingPortal.Core.Monitoring;
using ReportingPortal.Core.Storage;

// The background half of the portal: the Hangfire server, the mail dispatcher and every recurring job, on the
// same database as the web site. Run as many copies as the mail needs.
// `migrate` applies the migrations and stops: a release's setup job or init container.
var migrateOnly = args is ["migrate", ..];
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = migrateOnly ? args[1..] : args,
    // appsettings.json sits beside the worker's assembly, wherever it is started from.
    ContentRootPath = AppContext.BaseDirectory,
});

builder.Logging.AddPortalConsole(builder.Environment);
builder.Services.AddPortalCore();
builder.Services.AddJobServer();
// The worker's only HTTP: health for its orchestrator and metrics for Prometheus, on the management port.
builder.Services.AddManagementPort("reportingportal-worker", ManagementOptions.WorkerDefault, ManagementEndpoints.MetricsAndHealth);

var host = builder.Build();

host.Services.GetRequiredService<DatabaseMigrator>().Migrate();
if (migrateOnly)
    return 0;

host.Run();
return 0;
