using Hangfire;
using ReportingPortal.Web.Captcha;
using ReportingPortal.Web.Email;
using ReportingPortal.Web.Forwarding;
using ReportingPortal.Web.Jobs;
using ReportingPortal.Web.Localization;
using ReportingPortal.Web.Operators;
using ReportingPortal.Web.Reports;
using ReportingPortal.Web.Signposting;
using ReportingPortal.Web.Storage;

var builder = WebApplication.CreateBuilder(args);

builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Limits.MaxRequestBodySize = 256 * 1024;
});

builder.Services.AddStorage();
builder.Services.AddJobs(builder.Configuration);
builder.Services.AddEmail();
builder.Services.AddForwarding();
builder.Services.AddOperators();
builder.Services.AddPortalLocalization();
builder.Services.AddSignposting();
builder.Services.AddReports();
builder.Services.AddCaptcha();
builder.Services
    .AddRazorPages(options =>
    {
        options.RootDirectory = "/";
        options.Conventions.AuthorizeFolder("/Operators", OperatorsServiceCollectionExtensions.Policy);
        options.Conventions.AllowAnonymousToPage("/Operators/Login");
    })
    .AddCookieTempDataProvider(options =>
    {
        options.Cookie.Name = "rp-receipt";
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.IsEssential = true;
    });
builder.Services.AddAntiforgery(options =>
{
    options.Cookie.Name = "rp-antiforgery";
    options.Cookie.SameSite = SameSiteMode.Strict;
});

var app = builder.Build();

app.Services.GetRequiredService<DatabaseMigrator>().Migrate();

app.UseExceptionHandler("/error");
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseRequestLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealthChecks("/health");
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapCaptcha();
app.MapHangfireDashboard("/jobs", new DashboardOptions
    {
        Authorization = [],
        AppPath = "/operators/mail",
        DashboardTitle = "ReportingPortal jobs",
        DisplayStorageConnectionString = false,
    })
    .RequireAuthorization(OperatorsServiceCollectionExtensions.Policy);

app.Run();
