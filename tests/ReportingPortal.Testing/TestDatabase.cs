using Dapper;
using Npgsql;

namespace ReportingPortal.Testing;

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

    /// <summary>What <c>pg_dump</c> writes for the database of <paramref name="connectionString"/>: every table's rows, as a backup holds them.</summary>
    public static async Task<string> Dump(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var pgDump = Directory.GetFiles("/usr/lib/postgresql", "pg_dump", SearchOption.AllDirectories).Order().Last();
        var start = new System.Diagnostics.ProcessStartInfo(pgDump, ["--host", settings.Host!, "--port", settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--username", settings.Username!, "--no-password", settings.Database!])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["PGPASSWORD"] = settings.Password },
        };
        using var dump = System.Diagnostics.Process.Start(start)!;
        var output = dump.StandardOutput.ReadToEndAsync();
        var errors = dump.StandardError.ReadToEndAsync();
        await dump.WaitForExitAsync();
        if (dump.ExitCode != 0)
            throw new InvalidOperationException($"pg_dump failed: {await errors}");
        return await output;
    }
}
