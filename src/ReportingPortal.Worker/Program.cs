using ReportingPortal.Core;
using ReportingPortal.Core.Jobs;
using ReportingPortal.Core.Storage;

// The background half of the portal: the Hangfire server, the mail dispatcher and every recurring job, on the
// same database as the web site. Run as many copies as the mail needs.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args,
    // appsettings.json sits beside the worker's assembly, wherever it is started from.
    ContentRootPath = AppContext.BaseDirectory,
});

builder.Services.AddPortalCore();
builder.Services.AddJobServer();

var host = builder.Build();

host.Services.GetRequiredService<DatabaseMigrator>().Migrate();

host.Run();
