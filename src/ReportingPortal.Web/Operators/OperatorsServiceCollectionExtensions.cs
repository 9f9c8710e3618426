using Microsoft.AspNetCore.Authentication.Cookies;
using ReportingPortal.Web.Security;

namespace ReportingPortal.Web.Operators;

public static class OperatorsServiceCollectionExtensions
{
    public const string Scheme = "Operators";
    public const string Policy = "Operator";

    /// <summary>The operator sign-in, a cookie whose redirects are relative.</summary>
    public static IServiceCollection AddOperators(this IServiceCollection services)
    {
        services.AddOptions<OperatorsOptions>().BindConfiguration(OperatorsOptions.Section);
        services.AddAuthentication(Scheme).AddCookie(Scheme, cookie =>
        {
            cookie.LoginPath = "/operators/login";
            cookie.AccessDeniedPath = "/operators/login";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.Events = new RelativeRedirectEvents();
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }
}
