using DbUp;
using Hangfire.AspNetCore;
using Hangfire.Logging;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;
using Npgsql;
using ReportingPortal.Core.Encryption;
using ReportingPortal.Core.Jobs;
using ReportingPortal.Core.Linking;
using ReportingPortal.Core.Storage.Migrations;

namespace ReportingPortal.Core.Storage;

/// <summary>
/// Applies the numbered scripts in Storage/Migrations once each, in order (two of them are code, which seal content
/// stored in clear with the configured keys and fingerprint the links of reports stored before links were), then
/// Hangfire's tables, all under one advisory lock.
/// </summary>
public sealed class DatabaseMigrator(IOptions<DatabaseOptions> options, KeyRing keys, LinkFingerprints fingerprints,
    IOptions<LinkingOptions> linking, ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger<DatabaseMigrator>();

    // Any constant works; it only has to be the same for every instance of the portal.
    private const long MigrationLockId = 7_263_104_551;

    // The scripts were once embedded in the web project; their journal entries keep the names they ran under.
    private const string RenameJournalEntries = """
        do $$ begin
            if to_regclass('public.schemaversions') is not null then
                update public.schemaversions
                set scriptname = 'ReportingPortal.Core.' || substr(scriptname, length('ReportingPortal.Web.') + 1)
                where scriptname like 'ReportingPortal.Web.%';
            end if;
        end $$
        """;

    public void Migrate()
    {
        var connectionString = options.Value.ConnectionString;
        try
        {
            EnsureDatabase.For.PostgresqlDatabase(connectionString, new DbUp.Engine.Output.NoOpUpgradeLog());
        }
        // Another instance starting at the same moment created it first.
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
        }

        // Several instances may start at once; only one of them migrates at a time.
        using var lockConnection = new NpgsqlConnection(connectionString);
        lockConnection.Open();
        Execute(lockConnection, $"select pg_advisory_lock({MigrationLockId})");
        DbUp.Engine.DatabaseUpgradeResult result;
        try
        {
            Execute(lockConnection, RenameJournalEntries);
            result = DeployChanges.To
                .PostgresqlDatabase(connectionString)
                .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, IsMigration)
                .WithScript(SealStoredContent.Name, new SealStoredContent(connectionString, keys))
                .WithScript(FingerprintStoredLinks.Name, new FingerprintStoredLinks(connectionString, keys, fingerprints, linking.Value.Window))
                .WithTransactionPerScript()
                .LogToNowhere()
                .Build()
                .PerformUpgrade();
            if (result.Successful)
                InstallJobStorage(lockConnection);
        }
        finally
        {
            // Unlock explicitly: a pooled connection keeps session locks until it is next used.
            Execute(lockConnection, $"select pg_advisory_unlock({MigrationLockId})");
        }

        if (!result.Successful)
            throw new InvalidOperationException($"Database migration {result.ErrorScript?.Name} failed.", result.Error);

        foreach (var script in result.Scripts)
            _logger.LogInformation("Applied migration {Migration}", script.Name);
    }

    /// <summary>
    /// Hangfire's installer takes no lock of its own: processes starting together on an empty database would run its
    /// scripts at once and fail on each other's tables.
    /// </summary>
    private void InstallJobStorage(NpgsqlConnection connection)
    {
        // The installer logs through Hangfire's global provider, which the job storage sets when it is first used, after
        // this: lend it these loggers meanwhile, and leave none behind that may be disposed before Hangfire next logs.
        LogProvider.SetCurrentLogProvider(new AspNetCoreLogProvider(loggers));
        try
        {
            PostgreSqlObjectsInstaller.Install(connection, JobsServiceCollectionExtensions.StorageSchema);
        }
        finally
        {
            LogProvider.SetCurrentLogProvider(null);
        }
    }

    /// <summary>The names the journal (schemaversions) holds once every migration of this build is applied.</summary>
    public static IReadOnlyCollection<string> ScriptNames { get; } =
        typeof(DatabaseMigrator).Assembly.GetManifestResourceNames().Where(IsMigration)
            .Append(SealStoredContent.Name).Append(FingerprintStoredLinks.Name).ToArray();

    private static bool IsMigration(string resourceName) => resourceName.Contains(".Storage.Migrations.");

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
