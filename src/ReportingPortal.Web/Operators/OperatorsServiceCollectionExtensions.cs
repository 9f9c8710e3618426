using Microsoft.AspNetCore.Authentication.Cookies;

namespace ReportingPortal.Web.Operators;

public static class OperatorsServiceCollectionExtensions
{
    public const string Scheme = "Operators";
    public const string Policy = "Operator";

    public static IServiceCollection AddOperators(this IServiceCollection services)
    {
        services.AddOptions<OperatorsOptions>().BindConfiguration(OperatorsOptions.Section);
        services.AddAuthentication(Scheme).AddCookie(Scheme, cookie =>
        {
            cookie.LoginPath = Routes.OperatorsLogin;
            cookie.AccessDeniedPath = Routes.OperatorsLogin;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }
}
