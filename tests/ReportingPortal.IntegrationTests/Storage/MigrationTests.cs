using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.IntegrationTests.Storage;

public sealed class MigrationTests
{
    [Test]
    public async Task MigrationsCreateAnEmptyDatabaseAndRunTwiceWithoutError()
    {
        var database = TestDatabase.NewDatabaseName();
        var migrator = new DatabaseMigrator(
            Options.Create(new DatabaseOptions { ConnectionString = TestDatabase.ConnectionStringFor(database) }),
            NullLogger<DatabaseMigrator>.Instance);
        try
        {
            migrator.Migrate();
            migrator.Migrate();

            await using var connection = new Npgsql.NpgsqlConnection(TestDatabase.ConnectionStringFor(database));
            var applied = (await connection.QueryAsync<string>("select scriptname from schemaversions")).ToList();
            applied.ShouldNotBeEmpty();
            applied.Count.ShouldBe(applied.Distinct().Count(), "each script is applied once");
            (await connection.ExecuteScalarAsync<long>("select count(*) from reports")).ShouldBe(0);
        }
        finally
        {
            await TestDatabase.Drop(database);
        }
    }

    [Test]
    public async Task SeveralInstancesStartingAtOnceOnANewDatabaseMigrateItOnce()
    {
        const int instances = 6;
        var database = TestDatabase.NewDatabaseName();
        var options = Options.Create(new DatabaseOptions { ConnectionString = TestDatabase.ConnectionStringFor(database) });
        using var together = new Barrier(instances);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, instances).Select(_ => Task.Factory.StartNew(() =>
            {
                var migrator = new DatabaseMigrator(options, NullLogger<DatabaseMigrator>.Instance);
                together.SignalAndWait();
                migrator.Migrate();
            }, TaskCreationOptions.LongRunning)));

            await using var connection = new Npgsql.NpgsqlConnection(options.Value.ConnectionString);
            var applied = (await connection.QueryAsync<string>("select scriptname from schemaversions")).ToList();
            applied.Count.ShouldBe(applied.Distinct().Count(), "each script is applied once");
            applied.Count.ShouldBe(typeof(DatabaseMigrator).Assembly.GetManifestResourceNames().Count(name => name.Contains(".Storage.Migrations.")));
        }
        finally
        {
            await TestDatabase.Drop(database);
        }
    }
}
