namespace ReportingPortal.Web.Accounts;

public static class ConsoleAccountsServiceCollectionExtensions
{
    /// <summary>Console sign-in, enrolment and account administration.</summary>
    public static IServiceCollection AddConsoleAccounts(this IServiceCollection services)
    {
        services.AddConsoleAuthentication();
        services.AddSingleton<TotpSecrets>();
        services.AddSingleton<UnknownEmails>();
        services.AddSingleton<SignInHandler>();
        services.AddSingleton<EnrolHandler>();
        services.AddSingleton<AccountHandler>();
        services.AddSingleton<AccountsHandler>();
        services.AddSingleton<InvitationMail>();
        return services;
    }
}
