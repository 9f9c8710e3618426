using Microsoft.Extensions.Options;
using ReportingPortal.Core.Configuration;

namespace ReportingPortal.Core.Cases;

public static class CasesServiceCollectionExtensions
{
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddValidatedOptions<CasesOptions>(CasesOptions.Section);
        services.AddSingleton<IValidateOptions<CasesOptions>, CasesOptionsValidator>();
        services.AddValidatedOptions<ConsoleOptions>(ConsoleOptions.Section);
        services.AddSingleton<ReminderMessage>();
        services.AddTransient<DeadlineReminderJob>();
        return services;
    }
}
