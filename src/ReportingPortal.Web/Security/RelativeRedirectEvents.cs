using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ReportingPortal.Web.Security;

/// <summary>
/// The cookie handler's redirects (to sign-in, access denied, sign-out, back to the page asked for) without scheme and
/// host: it builds them from the request's Host header, which the client chooses, so an absolute one could send a
/// responder to any host a crafted link names.
/// </summary>
public sealed class RelativeRedirectEvents : CookieAuthenticationEvents
{
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) =>
        base.RedirectToLogin(Relative(context));

    /// <summary>A signed-in account without the right gets 403 where it is, not a redirect.</summary>
    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    public override Task RedirectToLogout(RedirectContext<CookieAuthenticationOptions> context) =>
        base.RedirectToLogout(Relative(context));

    public override Task RedirectToReturnUrl(RedirectContext<CookieAuthenticationOptions> context) =>
        base.RedirectToReturnUrl(Relative(context));

    private static RedirectContext<CookieAuthenticationOptions> Relative(RedirectContext<CookieAuthenticationOptions> context)
    {
        // The handler builds every absolute one as scheme://host + a path.
        var origin = $"{context.Request.Scheme}://{context.Request.Host}";
        if (context.RedirectUri.StartsWith(origin + "/", StringComparison.OrdinalIgnoreCase))
            context.RedirectUri = context.RedirectUri[origin.Length..];
        return context;
    }
}
