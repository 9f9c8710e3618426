using ReportingPortal.Web.Security;

namespace ReportingPortal.Web.FollowUp;

/// <summary>
/// The cookie that holds a reporter's session token after a right access code: HttpOnly, SameSite=Strict, __Host-
/// over HTTPS, and a session cookie, so it goes with the browser even if "Leave" is never pressed.
/// </summary>
public sealed class ReporterCookie(IHttpContextAccessor requests)
{
    private PortalCookie Cookie => new(SecurityServiceCollectionExtensions.FollowUpCookie, requests);

    public string? Read(HttpContext context) => context.Request.Cookies[Cookie.Name!];

    public void Write(HttpContext context, string token)
    {
        var cookie = Cookie;
        context.Response.Cookies.Append(cookie.Name!, token, cookie.Build(context));
    }

    public void Delete(HttpContext context)
    {
        var cookie = Cookie;
        context.Response.Cookies.Delete(cookie.Name!, cookie.Build(context));
    }
}
