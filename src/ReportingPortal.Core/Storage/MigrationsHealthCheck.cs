using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace ReportingPortal.Core.Storage;

/// <summary>
/// Ready only once the database's journal lists every migration this build carries: a copy started against a database
/// another version has not yet migrated takes no traffic.
/// </summary>
public sealed class MigrationsHealthCheck(NpgsqlDataSource database) : IHealthCheck
{
    // Migrations are never taken back: once all were seen applied, the journal need not be read again.
    private volatile bool _allApplied;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_allApplied)
            return HealthCheckResult.Healthy();
        try
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            var applied = (await connection.QueryAsync<string>(new CommandDefinition(
                "select scriptname from public.schemaversions", cancellationToken: cancellationToken))).ToHashSet();
            _allApplied = DatabaseMigrator.ScriptNames.All(applied.Contains);
            return _allApplied ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Migrations are not all applied.");
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The migrations cannot be read.");
        }
    }
}
