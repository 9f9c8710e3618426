using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.IntegrationTests.Storage;

/// <summary>Readiness waits for the database to hold every migration this build carries.</summary>
public sealed class MigrationsHealthCheckTests
{
    [Test]
    public async Task ADatabaseMissingAMigrationIsNotReadyAndOneWithEveryMigrationIs()
    {
        var database = TestDatabase.NewDatabaseName();
        var connectionString = TestDatabase.ConnectionStringFor(database);
        try
        {
            new DatabaseMigrator(Options.Create(new DatabaseOptions { ConnectionString = connectionString }), Portal.TestKeys,
                Portal.TestLinkFingerprints, Options.Create(new Core.Linking.LinkingOptions()), NullLoggerFactory.Instance).Migrate();
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await using var connection = await dataSource.OpenConnectionAsync();
            var last = DatabaseMigrator.ScriptNames.Where(name => name.EndsWith(".sql", StringComparison.Ordinal)).Max(StringComparer.Ordinal)!;
            await connection.ExecuteAsync("delete from schemaversions where scriptname = @last", new { last });

            (await Check(dataSource)).ShouldBe(HealthStatus.Unhealthy, $"{last} is not in the journal");

            await connection.ExecuteAsync("insert into schemaversions (scriptname, applied) values (@last, now())", new { last });
            (await Check(dataSource)).ShouldBe(HealthStatus.Healthy);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await TestDatabase.Drop(database);
        }
    }

    [Test]
    public async Task ADatabaseNeverMigratedIsNotReady()
    {
        var database = TestDatabase.NewDatabaseName();
        var connectionString = TestDatabase.ConnectionStringFor(database);
        try
        {
            DbUp.EnsureDatabase.For.PostgresqlDatabase(connectionString, new DbUp.Engine.Output.NoOpUpgradeLog());
            await using var dataSource = NpgsqlDataSource.Create(connectionString);

            (await Check(dataSource)).ShouldBe(HealthStatus.Unhealthy);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await TestDatabase.Drop(database);
        }
    }

    private static async Task<HealthStatus> Check(NpgsqlDataSource dataSource) =>
        (await new MigrationsHealthCheck(dataSource).CheckHealthAsync(new HealthCheckContext())).Status;
}
