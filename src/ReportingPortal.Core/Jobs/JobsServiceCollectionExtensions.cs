using ReportingPortal.Core.Configuration;
using Hangfire;
using Hangfire.PostgreSql;
using Npgsql;
using Microsoft.Extensions.Options;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Monitoring;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>The schema of Hangfire's tables, which the migrator installs (see <see cref="DatabaseMigrator"/>).</summary>
    public const string StorageSchema = "hangfire";

    /// <summary>Hangfire's storage on the portal's PostgreSQL database: enough to enqueue jobs and to read their history.</summary>
    public static IServiceCollection AddJobStorage(this IServiceCollection services)
    {
        services.AddValidatedOptions<JobsOptions>(JobsOptions.Section)
            .Validate(options => options.Queues().All(IsQueueName) && options.Queues().Distinct().Count() == 3
                                 && options.Queues().SequenceEqual(options.Queues().Order(StringComparer.Ordinal)),
                "Jobs:UrgentQueue, Jobs:HighQueue and Jobs:NormalQueue must be different names of lower-case letters, digits "
                + "and underscores, in alphabetical order (urgent first: queues are taken in that order).")
            .Validate(options => new[] { options.QueuePollInterval, options.SchedulePollingInterval, options.InvisibilityTimeout,
                    options.JobExpiration }.All(interval => interval > TimeSpan.Zero),
                "Jobs:QueuePollInterval, Jobs:SchedulePollingInterval, Jobs:InvisibilityTimeout and Jobs:JobExpiration must be positive.");

        services.AddHangfire((provider, hangfire) => Configure(hangfire, provider.GetRequiredService<IOptions<JobsOptions>>().Value,
            provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString));
        return services;
    }

    private static void Configure(IGlobalConfiguration hangfire, JobsOptions jobs, string connectionString) =>
        hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                storage => storage.UseNpgsqlConnection(WithPreparedStatements(connectionString)),
                new PostgreSqlStorageOptions
                {
                    SchemaName = StorageSchema,
                    // Installed by the migrator under its lock, before the storage is first used.
                    PrepareSchemaIfNecessary = false,
                    // The defaults wait up to 15 s for new work; LISTEN/NOTIFY wakes workers at once.
                    EnableLongPolling = true,
                    QueuePollInterval = jobs.QueuePollInterval,
                    UseSlidingInvisibilityTimeout = true,
                    InvisibilityTimeout = jobs.InvisibilityTimeout,
                })
            .WithJobExpirationTimeout(jobs.JobExpiration);

    /// <summary>
    /// The job server, the mail dispatcher that feeds it, and every recurring job: what a worker runs. Readiness then
    /// includes the job server, and the outbox gauges are observed here (one kind of process reads them, not every copy
    /// of the web site).
    /// </summary>
    public static IServiceCollection AddJobServer(this IServiceCollection services)
    {
        services.AddHangfireServer((provider, server) =>
        {
            var jobs = provider.GetRequiredService<IOptions<JobsOptions>>().Value;
            server.Queues = jobs.Queues();
            server.WorkerCount = jobs.WorkerCount;
            server.SchedulePollingInterval = jobs.SchedulePollingInterval;
            server.ServerName = JobServerHealthCheck.ServerName;
        });
        services.AddHealthChecks().AddCheck<JobServerHealthCheck>("job-server", tags: [HealthEndpoints.ReadyTag]);
        services.AddHostedService<OutboxGauges>();
        services.AddMailDispatcher();
        services.AddHostedService<RecurringJobs>();
        return services;
    }

    /// <summary>Hangfire's own connections prepare its repeated statements too: a dozen for every job it runs.</summary>
    private static string WithPreparedStatements(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        StorageServiceCollectionExtensions.PrepareRepeatedStatements(builder);
        return builder.ConnectionString;
    }

    private static bool IsQueueName(string name) =>
        name.Length > 0 && name.All(character => character is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');
}
