using Hangfire;
using ReportingPortal.Web;
using ReportingPortal.Web.Captcha;
using ReportingPortal.Web.RateLimiting;
using ReportingPortal.Web.Security;
using ReportingPortal.Web.Errors;
using ReportingPortal.Core.Jobs;
using ReportingPortal.Web.Localization;
using ReportingPortal.Web.Accounts;
using ReportingPortal.Web.FollowUp;
using ReportingPortal.Core.Storage;
using ReportingPortal.Core.Monitoring;

var command = AddAdministratorCommand.IsRequested(args) ? AddAdministratorCommand.Parse(args) : null;
if (AddAdministratorCommand.IsRequested(args) && command is null)
{
    await Console.Error.WriteLineAsync(AddAdministratorCommand.Usage);
    return 2;
}

var builder = WebApplication.CreateBuilder(command is null ? args : []);
builder.Logging.AddPortalConsole(builder.Environment);
// The command prints only its link on standard output; its log lines (migrations) go to standard error.
if (command is not null)
    builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);

// Run from a build (run.sh, the tests) in any environment, static assets come through the build's manifest;
// a published portal has none and serves its wwwroot.
builder.WebHost.UseStaticWebAssets();

builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Limits.MaxRequestBodySize = RequestBodyLimit.Bytes;
});
builder.Services.AddPortalWebSite();
// Metrics only on the management port; health stays on the public port, where the orchestrator probes it.
builder.Services.AddManagementPort("reportingportal-web", ManagementOptions.WebSiteDefault, ManagementEndpoints.Metrics);
if (builder.Configuration.GetValue<bool>($"{JobsOptions.Section}:{nameof(JobsOptions.RunServerInWebSite)}"))
    builder.Services.AddJobServer();

var app = builder.Build();

app.Services.GetRequiredService<DatabaseMigrator>().Migrate();
if (command is not null)
    return await command.Run(app.Services, Console.Out, CancellationToken.None);

app.UseForwardedHeaders();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
    app.UseHsts();
app.UseResponseCompression();
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandlingPath = "/error",
    StatusCodeSelector = DatabaseUnavailable.StatusCodeFor,
    SuppressDiagnosticsCallback = UnhandledErrorLog.WriteInstead,
});
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseNoUploads();
app.UsePageMethods();
app.UseRequestBodyLimit();
app.UseRequestLocalization();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.MapPortalHealth(Routes.Health);
app.MapLanguageChoice();
app.MapQuickExit();
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets().RequireConsoleAccount();
app.MapCaptcha().RequireRateLimiting(RateLimitPolicies.Challenges);
app.MapHangfireDashboard(Routes.Jobs, new DashboardOptions
    {
        Authorization = [],
        AppPath = Routes.Console,
        DashboardTitle = "ReportingPortal jobs",
        DisplayStorageConnectionString = false,
    })
    .RequireAuthorization(ConsoleAuthentication.Administrators);

app.Run();
return 0;
