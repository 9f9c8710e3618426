using Microsoft.AspNetCore.Http.Features;
using ReportingPortal.Core.Configuration;
using ReportingPortal.Web.Accounts;
using ReportingPortal.Web.Captcha;
using ReportingPortal.Web.Errors;
using ReportingPortal.Web.Learn;
using ReportingPortal.Web.Localization;
using ReportingPortal.Web.RateLimiting;
using ReportingPortal.Web.Reports;
using ReportingPortal.Web.Security;
using ReportingPortal.Web.Shared;
using ReportingPortal.Web.Statistics;

namespace ReportingPortal.Web;

public static class PortalWebSiteServiceCollectionExtensions
{
    /// <summary>
    /// Everything the web site runs on: the core, the pages and each feature's settings (checked at start-up). The
    /// job server is added beside it only when Jobs:RunServerInWebSite asks for it.
    /// </summary>
    public static IServiceCollection AddPortalWebSite(this IServiceCollection services)
    {
        services.Configure<FormOptions>(form =>
        {
            form.ValueCountLimit = 100;
            form.KeyLengthLimit = 100;
            // One limit on length, the body's: a field over it makes the body too large (413), not unreadable (400).
            form.ValueLengthLimit = RequestBodyLimit.Bytes;
            form.MultipartBodyLengthLimit = RequestBodyLimit.Bytes;
        });

        services.AddPortalCore();
        services.AddConsoleAccounts();
        services.AddPortalLocalization();
        services.AddReportForm();
        services.AddLearn();
        services.AddSingleton<StatisticsLabels>();
        services.AddValidatedOptions<QuickExitOptions>(QuickExitOptions.Section);
        services.AddResponseCompression(options => options.EnableForHttps = true);
        services.AddCaptcha();
        services.AddPortalSecurity();
        services.AddPortalRateLimits();
        services.AddUnhandledErrorLog();
        services
            .AddRazorPages(options =>
            {
                options.RootDirectory = "/";
                options.Conventions.AddPageRoute("/Learn/Article", "learn/children/{slug}");
            })
            .AddCookieTempDataProvider();
        return services;
    }
}
