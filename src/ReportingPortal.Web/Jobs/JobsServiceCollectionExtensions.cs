using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;
using ReportingPortal.Web.Storage;

namespace ReportingPortal.Web.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>Hangfire on the portal's PostgreSQL database, with its job server in this process.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddHangfire((provider, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                storage => storage.UseNpgsqlConnection(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString),
                new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true }));
        services.AddHangfireServer();
        return services;
    }
}
