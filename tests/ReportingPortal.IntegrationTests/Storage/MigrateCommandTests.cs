using System.Diagnostics;
using Dapper;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.IntegrationTests.Storage;

/// <summary><c>ReportingPortal.Worker migrate</c>: what a release's setup job or init container runs.</summary>
public sealed class MigrateCommandTests
{
    [Test]
    public async Task TheWorkersMigrateCommandMigratesANewDatabaseAndStops()
    {
        var database = TestDatabase.NewDatabaseName();
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Path.GetDirectoryName(Repository.WorkerAssembly)!,
            };
            start.ArgumentList.Add(Repository.WorkerAssembly);
            start.ArgumentList.Add("migrate");
            foreach (var (key, value) in Portal.DefaultSettings())
                start.Environment[key] = value;
            start.Environment["ConnectionStrings__Portal"] = TestDatabase.ConnectionStringFor(database);

            using var process = Process.Start(start)!;
            var output = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            var text = string.Join('\n', await output);

            process.ExitCode.ShouldBe(0, text);
            await using var connection = await TestDatabase.OpenDatabase(TestDatabase.ConnectionStringFor(database));
            (await connection.QueryAsync<string>("select scriptname from schemaversions")).Count().ShouldBe(DatabaseMigrator.ScriptNames.Count);
            (await connection.ExecuteScalarAsync<int>("select count(*) from hangfire.schema")).ShouldBe(1);
            (await connection.ExecuteScalarAsync<long>("select count(*) from hangfire.server")).ShouldBe(0, "the job server never started");
        }
        finally
        {
            await TestDatabase.Drop(database);
        }
    }
}
