using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing.Patterns;
using ReportingPortal.Web.Security;

namespace ReportingPortal.Web.Accounts;

/// <summary>
/// The console's sign-in, kept apart from the public site: its own scheme and cookie. A signed-in principal carries
/// the account's id, its display name and, for administrators, the administrator role; queue memberships are read
/// from the database on each request, so a change takes effect at once.
/// </summary>
public static class ConsoleAuthentication
{
    public const string Scheme = "Console";
    public const string CookieName = "rp-console";

    /// <summary>Any signed-in account: responders, supervisors, administrators.</summary>
    public const string AnyAccount = "ConsoleAccount";

    /// <summary>Administrators only: accounts, queues, the audit log, mail status and the job dashboard.</summary>
    public const string Administrators = "ConsoleAdministrator";

    public const string AdministratorRole = "Administrator";

    /// <summary>The signed-in account's id.</summary>
    public static long AccountId(this ClaimsPrincipal user) =>
        long.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)
                   ?? throw new InvalidOperationException("The console user has no account id."), CultureInfo.InvariantCulture);

    public static bool IsAdministrator(this ClaimsPrincipal user) => user.IsInRole(AdministratorRole);

    /// <summary>The principal of a signed-in account.</summary>
    public static ClaimsPrincipal Principal(long accountId, string displayName, bool isAdministrator)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, accountId.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, displayName),
        };
        if (isAdministrator)
            claims.Add(new Claim(ClaimTypes.Role, AdministratorRole));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>
    /// The console's cookie, which holds only the key of a session kept in the database (signing out ends it on the
    /// server), its relative redirects, and the two policies.
    /// </summary>
    public static IServiceCollection AddConsoleAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<ConsoleTicketStore>();
        services.AddAuthentication(Scheme).AddCookie(Scheme, cookie =>
        {
            cookie.LoginPath = Routes.ConsoleSignIn;
            // The database ends a session after its idle timeout or its absolute lifetime, whichever comes first.
            cookie.ExpireTimeSpan = TimeSpan.FromDays(1);
            cookie.SlidingExpiration = false;
            cookie.Events = new RelativeRedirectEvents();
        });
        services.AddOptions<CookieAuthenticationOptions>(Scheme)
            .Configure<ConsoleTicketStore>((cookie, store) => cookie.SessionStore = store);
        services.AddAuthorizationBuilder()
            .AddPolicy(AnyAccount, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser())
            .AddPolicy(Administrators, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireRole(AdministratorRole));
        return services;
    }

    /// <summary>Every page under /console needs a signed-in account unless it allows anyone (sign-in, enrolment).</summary>
    public static TBuilder RequireConsoleAccount<TBuilder>(this TBuilder pages) where TBuilder : IEndpointConventionBuilder
    {
        pages.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder route && IsConsole(route.RoutePattern)
                && !endpoint.Metadata.OfType<IAllowAnonymous>().Any())
                endpoint.Metadata.Add(new AuthorizeAttribute(AnyAccount));
        });
        return pages;
    }

    private static bool IsConsole(RoutePattern pattern)
    {
        var path = "/" + (pattern.RawText ?? "").TrimStart('/');
        return path == Routes.Console || path.StartsWith(Routes.Console + "/", StringComparison.Ordinal);
    }
}
