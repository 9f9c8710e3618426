using Hangfire;
using Microsoft.AspNetCore.Http.Features;
using ReportingPortal.Web;
using ReportingPortal.Web.Captcha;
using ReportingPortal.Web.RateLimiting;
using ReportingPortal.Web.Security;
using ReportingPortal.Web.Errors;
using ReportingPortal.Core.Jobs;
using ReportingPortal.Web.Learn;
using ReportingPortal.Web.Localization;
using ReportingPortal.Web.Operators;
using ReportingPortal.Web.Reports;
using ReportingPortal.Web.Shared;
using ReportingPortal.Core.Configuration;
using ReportingPortal.Core.Storage;

var builder = WebApplication.CreateBuilder(args);

// Run from a build (run.sh, the tests) in any environment, static assets come through the build's manifest;
// a published portal has none and serves its wwwroot.
builder.WebHost.UseStaticWebAssets();

builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Limits.MaxRequestBodySize = 256 * 1024;
});
builder.Services.Configure<FormOptions>(form =>
{
    form.ValueCountLimit = 100;
    form.KeyLengthLimit = 100;
    form.ValueLengthLimit = 128 * 1024;
    form.MultipartBodyLengthLimit = 256 * 1024;
});

builder.Services.AddPortalCore();
if (builder.Configuration.GetValue<bool>($"{JobsOptions.Section}:{nameof(JobsOptions.RunServerInWebSite)}"))
    builder.Services.AddJobServer();
builder.Services.AddOperators();
builder.Services.AddPortalLocalization();
builder.Services.AddReportForm();
builder.Services.AddLearn();
builder.Services.AddValidatedOptions<QuickExitOptions>(QuickExitOptions.Section);
builder.Services.AddResponseCompression(options => options.EnableForHttps = true);
builder.Services.AddCaptcha();
builder.Services.AddPortalSecurity();
builder.Services.AddPortalRateLimits();
builder.Services
    .AddRazorPages(options =>
    {
        options.RootDirectory = "/";
        options.Conventions.AuthorizeFolder("/Operators", OperatorsServiceCollectionExtensions.Policy);
        options.Conventions.AllowAnonymousToPage("/Operators/Login");
        options.Conventions.AddPageRoute("/Learn/Article", "learn/children/{slug}");
    })
    .AddCookieTempDataProvider();

var app = builder.Build();

app.Services.GetRequiredService<DatabaseMigrator>().Migrate();

app.UseForwardedHeaders();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
    app.UseHsts();
app.UseResponseCompression();
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandlingPath = "/error",
    StatusCodeSelector = DatabaseUnavailable.StatusCodeFor,
});
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseNoUploads();
app.UseRequestLocalization();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealthChecks(Routes.Health);
app.MapLanguageChoice();
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapCaptcha().RequireRateLimiting(RateLimitPolicies.Challenges);
app.MapHangfireDashboard(Routes.Jobs, new DashboardOptions
    {
        Authorization = [],
        AppPath = Routes.OperatorsMail,
        DashboardTitle = "ReportingPortal jobs",
        DisplayStorageConnectionString = false,
    })
    .RequireAuthorization(OperatorsServiceCollectionExtensions.Policy);

app.Run();
