using ReportingPortal.Core.Configuration;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>Hangfire's storage on the portal's PostgreSQL database: enough to enqueue jobs and to read their history.</summary>
    public static IServiceCollection AddJobStorage(this IServiceCollection services)
    {
        services.AddValidatedOptions<JobsOptions>(JobsOptions.Section);

        services.AddHangfire((provider, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                storage => storage.UseNpgsqlConnection(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString),
                new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    PrepareSchemaIfNecessary = true,
                    // The defaults wait up to 15 s for new work; LISTEN/NOTIFY wakes workers at once.
                    EnableLongPolling = true,
                    QueuePollInterval = TimeSpan.FromSeconds(1),
                    UseSlidingInvisibilityTimeout = true,
                    InvisibilityTimeout = TimeSpan.FromMinutes(5),
                }));
        return services;
    }

    /// <summary>The job server, the mail dispatcher that feeds it, and every recurring job: what a worker runs.</summary>
    public static IServiceCollection AddJobServer(this IServiceCollection services, IConfiguration configuration)
    {
        var jobs = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        services.AddHangfireServer(server =>
        {
            server.Queues = JobQueues.All;
            server.WorkerCount = jobs.WorkerCount;
            server.SchedulePollingInterval = TimeSpan.FromSeconds(1);
        });
        services.AddMailDispatcher();
        return services;
    }
}
