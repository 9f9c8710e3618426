using Dapper;
using Npgsql;
using ReportingPortal.Tests.Infrastructure;

namespace ReportingPortal.Tests;

/// <summary>A fresh database for this test run on the private PostgreSQL that deploy/local/test.sh starts.</summary>
[SetUpFixture]
public sealed class TestDatabase
{
    private static string? _connectionString;

    public static string ConnectionString =>
        _connectionString ?? throw new InvalidOperationException("The test database is not ready.");

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES")
        ?? throw new InvalidOperationException(
            "PORTAL_TEST_POSTGRES is not set: run the tests with deploy/local/test.sh, which starts PostgreSQL for them.");

    public static string NewDatabaseName() => $"rp_test_{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid().ToString("N")[..8]}";

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;

    [OneTimeSetUp]
    public void CreateDatabase() => _connectionString = ConnectionStringFor(NewDatabaseName());

    [OneTimeTearDown]
    public async Task StopPortalsAndDropDatabase()
    {
        await Portal.StopShared();
        if (_connectionString is not null)
            await Drop(new NpgsqlConnectionStringBuilder(_connectionString).Database!);
    }

    public static async Task Drop(string database)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.ExecuteAsync($"drop database if exists \"{database}\" with (force)");
    }

    public static async Task<NpgsqlConnection> Open()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
