using ReportingPortal.Core.Configuration;

namespace ReportingPortal.Core.Accounts;

public static class AccountsServiceCollectionExtensions
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddValidatedOptions<ConsoleSessionsOptions>(ConsoleSessionsOptions.Section)
            .Validate(options => options.IdleTimeout > TimeSpan.Zero && options.IdleTimeout <= options.Lifetime,
                "Console:IdleTimeout must be positive and no more than Console:Lifetime.");
        services.AddSingleton<ConsoleSessions>();
        services.AddSingleton<AccountStore>();
        services.AddSingleton<CommonPasswords>();
        services.AddSingleton<PasswordPolicy>();
        services.AddSingleton<Passwords>();
        return services;
    }
}
