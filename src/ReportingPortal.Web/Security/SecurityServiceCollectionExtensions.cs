using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Npgsql;
using ReportingPortal.Core.Configuration;
using ReportingPortal.Web.Accounts;
using ReportingPortal.Web.FollowUp;

namespace ReportingPortal.Web.Security;

public static class SecurityServiceCollectionExtensions
{
    public const string AntiforgeryCookie = "rp-antiforgery";
    public const string ReceiptCookie = "rp-receipt";
    public const string ResendCookie = "rp-resend";
    public const string FollowUpCookie = "rp-follow-up";

    /// <summary>Trusted proxies, HSTS, Data Protection keys shared through the database, and the portal's only cookies: antiforgery, the receipt hand-over, the same-browser resend window, a reporter's follow-up session and the console's.</summary>
    public static IServiceCollection AddPortalSecurity(this IServiceCollection services)
    {
        services.AddValidatedOptions<ForwardedHeadersSettings>(ForwardedHeadersSettings.Section)
            .Validate(settings => settings.IsValid(),
                "ForwardedHeaders:KnownProxies must be IP addresses and ForwardedHeaders:KnownNetworks CIDR networks (10.0.0.0/24).");
        services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<ForwardedHeadersSettings>>((options, settings) => settings.Value.ApplyTo(options));

        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });

        services.AddDataProtection().SetApplicationName("ReportingPortal");
        services.AddOptions<KeyManagementOptions>().Configure<NpgsqlDataSource>((options, database) =>
            options.XmlRepository = new DatabaseXmlRepository(database));

        services.AddHttpContextAccessor();
        services.AddOptions<AntiforgeryOptions>().Configure<IHttpContextAccessor>((options, requests) =>
            options.Cookie = new PortalCookie(AntiforgeryCookie, requests));
        services.AddOptions<CookieTempDataProviderOptions>().Configure<IHttpContextAccessor>((options, requests) =>
            options.Cookie = new PortalCookie(ReceiptCookie, requests));
        services.AddSingleton<ReporterCookie>();
        services.AddOptions<CookieAuthenticationOptions>(ConsoleAuthentication.Scheme)
            .Configure<IHttpContextAccessor>((options, requests) => options.Cookie = new PortalCookie(ConsoleAuthentication.CookieName, requests));
        return services;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.UseMiddleware<SecurityHeadersMiddleware>();

    /// <summary>
    /// The portal takes links, never files: a multipart body (what a file upload sends) is refused with 415 before
    /// it is read, so no file is written to the server's disk. The kind error page is then shown as for any 4xx.
    /// </summary>
    public static IApplicationBuilder UseNoUploads(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is null
                && MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
                && type.MediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                return;
            }
            await next(context);
        });
}
