using Microsoft.Extensions.Options;
using Npgsql;
using ReportingPortal.Core.Monitoring;

namespace ReportingPortal.Core.Storage;

public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>()
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString = configuration.GetConnectionString("Portal") ?? "")
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(provider =>
        {
            var builder = new NpgsqlDataSourceBuilder(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString);
            // The portal's statements leave no session state on a pooled connection (transaction-scoped locks, and a
            // delivery job's session lock, which it gives back or closes the connection with), so the DISCARD ALL Npgsql
            // sends on each reuse is skipped: half the statements of a submission.
            builder.ConnectionStringBuilder.NoResetOnClose = true;
            PrepareRepeatedStatements(builder.ConnectionStringBuilder);
            return builder.Build();
        });
        services.AddSingleton<DatabaseMigrator>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }

    /// <summary>
    /// Statements run again and again (a submission's insert, the mail's hand-out and its record of what was sent) are
    /// prepared on each pooled connection after a few uses, so PostgreSQL parses and plans them once per connection
    /// rather than on every run. Left as it is when the connection string sets it.
    /// </summary>
    public static void PrepareRepeatedStatements(NpgsqlConnectionStringBuilder connection)
    {
        if (connection.MaxAutoPrepare == 0)
            connection.MaxAutoPrepare = 64;
    }
}
