namespace ReportingPortal.Web.Security;

/// <summary>
/// A cookie that is SameSite=Strict and, on a request that arrived over HTTPS (directly or through a trusted proxy),
/// Secure with the __Host- prefix (bound to this exact host, path /, no Domain). Over plain HTTP, as on a developer's
/// machine, it keeps its plain name so the site still works.
/// </summary>
public sealed class PortalCookie : CookieBuilder
{
    private readonly string _name;
    private readonly IHttpContextAccessor _requests;

    public PortalCookie(string name, IHttpContextAccessor requests, bool httpOnly = true)
    {
        _name = name;
        _requests = requests;
        base.Name = name;
        HttpOnly = httpOnly;
        SameSite = SameSiteMode.Strict;
        SecurePolicy = CookieSecurePolicy.SameAsRequest;
        Path = "/";
        IsEssential = true;
    }

    public override string? Name
    {
        get => _requests.HttpContext?.Request.IsHttps == true ? "__Host-" + _name : _name;
        set { }
    }

    public override string? Domain
    {
        get => null;
        set { }
    }
}
