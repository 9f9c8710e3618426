using Microsoft.AspNetCore.Authentication.Cookies;
using ReportingPortal.Web.Security;

namespace ReportingPortal.Web.Operators;

public static class OperatorsServiceCollectionExtensions
{
    public const string Scheme = "Operators";
    public const string Policy = "Operator";

    /// <summary>How long a session lasts; a request in its second half renews it for as long again.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    /// <summary>
    /// The operator sign-in: a cookie that holds only the key of a session kept in the database, so signing out ends
    /// it on the server; its redirects are relative.
    /// </summary>
    public static IServiceCollection AddOperators(this IServiceCollection services)
    {
        services.AddOptions<OperatorsOptions>().BindConfiguration(OperatorsOptions.Section);
        services.AddSingleton<OperatorTicketStore>();
        services.AddAuthentication(Scheme).AddCookie(Scheme, cookie =>
        {
            cookie.LoginPath = Routes.OperatorsLogin;
            cookie.AccessDeniedPath = Routes.OperatorsLogin;
            cookie.ExpireTimeSpan = SessionLifetime;
            cookie.SlidingExpiration = true;
            cookie.Events = new RelativeRedirectEvents();
        });
        services.AddOptions<CookieAuthenticationOptions>(Scheme)
            .Configure<OperatorTicketStore>((cookie, store) => cookie.SessionStore = store);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }
}
