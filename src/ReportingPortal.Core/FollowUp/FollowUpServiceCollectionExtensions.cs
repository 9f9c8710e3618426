using ReportingPortal.Core.Configuration;

namespace ReportingPortal.Core.FollowUp;

public static class FollowUpServiceCollectionExtensions
{
    public static IServiceCollection AddFollowUp(this IServiceCollection services)
    {
        services.AddValidatedOptions<FollowUpOptions>(FollowUpOptions.Section)
            .Validate(options => options.IsValid(),
                "FollowUp:LockWindow, FollowUp:LockFor and FollowUp:SessionIdle must be positive, and FollowUp:SessionLifetime at least FollowUp:SessionIdle.");
        services.AddSingleton<AccessCodeCheck>();
        services.AddSingleton<ReporterSessions>();
        services.AddSingleton<ReporterViewQuery>();
        services.AddSingleton<ReporterReplyValidator>();
        services.AddSingleton<AddReporterMessageHandler>();
        return services;
    }
}
