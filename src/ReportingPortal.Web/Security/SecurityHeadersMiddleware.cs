using Microsoft.Extensions.Options;
using ReportingPortal.Web.Captcha;

namespace ReportingPortal.Web.Security;

/// <summary>
/// The security headers every response carries. Public pages get a Content-Security-Policy that allows only the
/// portal's own scripts, styles and connections (plus a third-party captcha's origins when one is chosen).
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<CaptchaOptions> captcha)
{
    private const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), " +
        "magnetometer=(), microphone=(), midi=(), payment=(), usb=(), browsing-topics=()";

    // The Hangfire dashboard writes inline scripts and styles; it is operator-only, so it alone may run them.
    private const string JobsPolicy =
        "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private readonly string _policy = PublicPolicy(captcha.Value.ThirdParty?.Sources ?? []);

    public static string PublicPolicy(IReadOnlyCollection<string> captchaSources)
    {
        var captcha = captchaSources.Count == 0 ? "" : " " + string.Join(' ', captchaSources);
        var frames = captchaSources.Count == 0 ? "'none'" : string.Join(' ', captchaSources);
        return $"default-src 'none'; script-src 'self'{captcha}; style-src 'self'{captcha}; img-src 'self'; font-src 'self'; " +
               $"connect-src 'self'{captcha}; worker-src 'self'; frame-src {frames}; manifest-src 'self'; " +
               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    }

    public Task InvokeAsync(HttpContext context)
    {
        // Decided now: the dashboard moves the path into PathBase before the response starts.
        var policy = context.Request.Path.StartsWithSegments(Routes.Jobs) ? JobsPolicy : _policy;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            // Pages carry form keys, codes and report text: nothing dynamic is kept by browsers or proxies.
            // Static files set their own caching.
            if (!headers.ContainsKey("Cache-Control"))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }
            headers.Remove("Server");
            headers.Remove("X-Powered-By");
            return Task.CompletedTask;
        });
        return next(context);
    }
}
