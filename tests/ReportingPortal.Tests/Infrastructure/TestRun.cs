using Dapper;
using Npgsql;
using ReportingPortal.Tests.Infrastructure;

namespace ReportingPortal.Tests;

/// <summary>What the whole run shares: a fresh database and an SMTP server, and a portal started on first use.</summary>
[SetUpFixture]
public sealed class TestRun
{
    private static SmtpServer? _smtp;

    public static SmtpServer Smtp => _smtp ?? throw new InvalidOperationException("The SMTP server is not ready.");

    [OneTimeSetUp]
    public async Task Start()
    {
        TestDatabase.Create();
        _smtp = await SmtpServer.Start();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await Browsers.Stop();
        await Portal.StopShared();
        if (_smtp is not null)
            await _smtp.DisposeAsync();
        await TestDatabase.DropShared();
    }
}

/// <summary>The private PostgreSQL that deploy/local/test.sh starts, and this run's database on it.</summary>
public static class TestDatabase
{
    private static string? _connectionString;

    public static string ConnectionString =>
        _connectionString ?? throw new InvalidOperationException("The test database is not ready.");

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES")
        ?? throw new InvalidOperationException(
            "PORTAL_TEST_POSTGRES is not set: run the tests with deploy/local/test.sh, which starts PostgreSQL for them.");

    public static void Create() => _connectionString = ConnectionStringFor(NewDatabaseName());

    public static string NewDatabaseName() => $"rp_test_{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid().ToString("N")[..8]}";

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;

    public static async Task DropShared()
    {
        if (_connectionString is not null)
            await Drop(new NpgsqlConnectionStringBuilder(_connectionString).Database!);
    }

    public static async Task Drop(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.ExecuteAsync($"drop database if exists \"{database}\" with (force)");
    }

    public static Task<NpgsqlConnection> Open() => OpenDatabase(ConnectionString);

    public static async Task<NpgsqlConnection> OpenDatabase(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
