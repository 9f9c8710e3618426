using Microsoft.Extensions.DependencyInjection.Extensions;
using ReportingPortal.Core.Accounts;
using ReportingPortal.Core.Audit;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Encryption;
using ReportingPortal.Core.FollowUp;
using ReportingPortal.Core.Forwarding;
using ReportingPortal.Core.Jobs;
using ReportingPortal.Core.Linking;
using ReportingPortal.Core.Monitoring;
using ReportingPortal.Core.Reports;
using ReportingPortal.Core.Retention;
using ReportingPortal.Core.Screening;
using ReportingPortal.Core.Signposting;
using ReportingPortal.Core.Statistics;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core;

public static class PortalCoreServiceCollectionExtensions
{
    /// <summary>
    /// What the web site, the worker and the tests share: storage and migrations, reports, forwarding, mail, help
    /// numbers, cases and their audit log, the reporter's way back, statistics, console sessions and the Hangfire client. The job server itself is added by <see cref="JobsServiceCollectionExtensions.AddJobServer"/>.
    /// </summary>
    public static IServiceCollection AddPortalCore(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<PortalMetrics>();
        services.AddEncryption();
        services.AddStorage();
        services.AddJobStorage();
        services.AddEmail();
        services.AddForwarding();
        services.AddSignposting();
        services.AddReports();
        services.AddLinking();
        services.AddAccounts();
        services.AddAudit();
        services.AddCases();
        services.AddScreening();
        services.AddFollowUp();
        services.AddRetention();
        services.AddStatistics();
        return services;
    }
}
