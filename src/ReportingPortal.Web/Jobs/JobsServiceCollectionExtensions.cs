using ReportingPortal.Web.Configuration;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;
using ReportingPortal.Web.Email;
using ReportingPortal.Web.Storage;

namespace ReportingPortal.Web.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>Hangfire on the portal's PostgreSQL database, with its job server in this process unless turned off.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
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

        var jobs = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        if (jobs.RunServer)
        {
            services.AddHangfireServer(server =>
            {
                server.Queues = JobQueues.All;
                server.WorkerCount = jobs.WorkerCount;
                server.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            });
            services.AddMailDispatcher();
        }
        return services;
    }
}
