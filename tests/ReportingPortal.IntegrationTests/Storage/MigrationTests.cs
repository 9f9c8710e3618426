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
    public async Task SeveralInstancesStartingAtOnceMigrateOnce()
    {
        var database = TestDatabase.NewDatabaseName();
        var options = Options.Create(new DatabaseOptions { ConnectionString = TestDatabase.ConnectionStringFor(database) });
        new DatabaseMigrator(options, NullLogger<DatabaseMigrator>.Instance).Migrate();
        try
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
                Task.Run(() => new DatabaseMigrator(options, NullLogger<DatabaseMigrator>.Instance).Migrate())));

            await using var connection = new Npgsql.NpgsqlConnection(options.Value.ConnectionString);
            var applied = (await connection.QueryAsync<string>("select scriptname from schemaversions")).ToList();
            applied.Count.ShouldBe(applied.Distinct().Count());
        }
        finally
        {
            await TestDatabase.Drop(database);
        }
    }
}
