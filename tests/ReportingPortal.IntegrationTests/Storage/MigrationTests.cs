using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.IntegrationTests.Storage;

public sealed class MigrationTests
{
    private static DatabaseMigrator MigratorFor(string database) => new(
        Options.Create(new DatabaseOptions { ConnectionString = TestDatabase.ConnectionStringFor(database) }),
        Portal.TestKeys, Portal.TestLinkFingerprints, Options.Create(new Core.Linking.LinkingOptions()), NullLoggerFactory.Instance);

    [Test]
    public async Task MigrationsCreateAnEmptyDatabaseAndRunTwiceWithoutError()
    {
        var database = TestDatabase.NewDatabaseName();
        var migrator = MigratorFor(database);
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
        using var logs = new FakeLoggerProvider();
        using var loggers = LoggerFactory.Create(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        try
        {
            await Task.WhenAll(Enumerable.Range(0, instances).Select(_ => Task.Factory.StartNew(() =>
            {
                var migrator = new DatabaseMigrator(options, Portal.TestKeys, Portal.TestLinkFingerprints,
                    Options.Create(new Core.Linking.LinkingOptions()), loggers);
                together.SignalAndWait();
                migrator.Migrate();
            }, TaskCreationOptions.LongRunning)));

            await using var connection = new Npgsql.NpgsqlConnection(options.Value.ConnectionString);
            var applied = (await connection.QueryAsync<string>("select scriptname from schemaversions")).ToList();
            applied.Count.ShouldBe(applied.Distinct().Count(), "each script is applied once");
            applied.Count.ShouldBe(DatabaseMigrator.ScriptNames.Count);
            (await connection.ExecuteScalarAsync<int>("select count(*) from hangfire.schema")).ShouldBe(1, "Hangfire's tables are installed once");
            (await connection.ExecuteScalarAsync<long>("select count(*) from hangfire.job")).ShouldBe(0);
            logs.Collector.GetSnapshot().Where(log => log.Level >= LogLevel.Warning).Select(log => log.Message).ShouldBeEmpty();
        }
        finally
        {
            await TestDatabase.Drop(database);
        }
    }

    [Test]
    public async Task ADatabaseWhoseJournalHasTheWebProjectsScriptNamesIsNotMigratedAgainAndKeepsItsData()
    {
        var database = TestDatabase.NewDatabaseName();
        var migrator = MigratorFor(database);
        try
        {
            migrator.Migrate();
            await using var connection = new Npgsql.NpgsqlConnection(TestDatabase.ConnectionStringFor(database));
            // The journal as the scripts left it when they were embedded in the web project.
            var renamed = await connection.ExecuteAsync("""
                update schemaversions set scriptname = replace(scriptname, 'ReportingPortal.Core.', 'ReportingPortal.Web.')
                where scriptname ~ '^ReportingPortal\.Core\.Storage\.Migrations\.000[1-6]_'
                """);
            renamed.ShouldBe(6);
            var reportId = await connection.ExecuteScalarAsync<long>("""
                insert into reports (reference, access_code_hash, form_key_hash, language, reporter_role, category, occurred,
                                     child_age_range, child_in_danger, contact_preference)
                values ('RP-OLD0-0001', '\x01', '\x02', 'en', 'OtherAdult', 'Grooming', 'Today', 'From13To15', 'No', 'Anonymous')
                returning id
                """);
            await connection.ExecuteAsync("""
                insert into mail_deliveries (report_id, kind, queue, recipient, priority, priority_rank)
                values (@reportId, @Forward, 'police-cyber', 'cyber-unit@police.example', 'Normal', 2)
                """, new { reportId, Forward = DeliveryKind.Forward.Stored() });
            var journalBefore = (await connection.QueryAsync<(string Script, DateTime Applied)>(
                "select replace(scriptname, 'ReportingPortal.Web.', 'ReportingPortal.Core.'), applied from schemaversions")).ToList();

            migrator.Migrate();

            var journal = (await connection.QueryAsync<(string Script, DateTime Applied)>(
                "select scriptname, applied from schemaversions")).ToList();
            journal.ShouldBe(journalBefore, ignoreOrder: true, "each script is journalled once, under its Core name, and none ran again");
            journal.Select(entry => entry.Script).ShouldBe(DatabaseMigrator.ScriptNames, ignoreOrder: true);
            (await connection.QuerySingleAsync<string>("select reference from reports where id = @reportId", new { reportId }))
                .ShouldBe("RP-OLD0-0001");
            (await connection.ExecuteScalarAsync<long>("select count(*) from reports")).ShouldBe(1);
            (await connection.ExecuteScalarAsync<long>("select count(*) from mail_deliveries where report_id = @reportId", new { reportId }))
                .ShouldBe(1);
        }
        finally
        {
            await TestDatabase.Drop(database);
        }
    }
}
