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
        services.AddSingleton<CaseWork>();
        services.AddSingleton<InboxQuery>();
        services.AddSingleton<CaseQuery>();
        services.AddSingleton<CaseDocuments>();
        services.AddSingleton<TakeCaseHandler>();
        services.AddSingleton<ReassignCaseHandler>();
        services.AddSingleton<ChangeCaseStatusHandler>();
        services.AddSingleton<CloseCaseHandler>();
        services.AddSingleton<ReopenCaseHandler>();
        services.AddSingleton<AddCaseNoteHandler>();
        services.AddSingleton<ReferCaseHandler>();
        services.AddSingleton<SendMessageToReporterHandler>();
        services.AddSingleton<ReminderMessage>();
        services.AddTransient<DeadlineReminderJob>();
        return services;
    }
}
