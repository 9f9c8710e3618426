using Hangfire;
using Microsoft.AspNetCore.Http.Features;
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
    kestrel.Limits.MaxRequestBodySize = RequestBodyLimit.Bytes;
});
builder.Services.Configure<FormOptions>(form =>
{
    form.ValueCountLimit = 100;
    form.KeyLengthLimit = 100;
    // One limit on length, the body's: a field over it makes the body too large (413), not unreadable (400).
    form.ValueLengthLimit = RequestBodyLimit.Bytes;
    form.MultipartBodyLengthLimit = RequestBodyLimit.Bytes;
});

builder.Services.AddPortalCore();
if (builder.Configuration.GetValue<bool>($"{JobsOptions.Section}:{nameof(JobsOptions.RunServerInWebSite)}"))
    builder.Services.AddJobServer(builder.Configuration);
builder.Services.AddOperators();
builder.Services.AddPortalLocalization();
builder.Services.AddReportForm();
builder.Services.AddLearn();
builder.Services.AddValidatedOptions<QuickExitOptions>(QuickExitOptions.Section);
builder.Services.AddResponseCompression(options => options.EnableForHttps = true);
builder.Services.AddCaptcha();
builder.Services.AddPortalSecurity();
builder.Services.AddPortalRateLimits();
builder.Services.AddUnhandledErrorLog();
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
app.MapHealthChecks("/health");
app.MapLanguageChoice();
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapCaptcha().RequireRateLimiting(RateLimitPolicies.Challenges);
app.MapHangfireDashboard("/jobs", new DashboardOptions
    {
        Authorization = [],
        AppPath = "/operators/mail",
        DashboardTitle = "ReportingPortal jobs",
        DisplayStorageConnectionString = false,
    })
    .RequireAuthorization(OperatorsServiceCollectionExtensions.Policy);

app.Run();
