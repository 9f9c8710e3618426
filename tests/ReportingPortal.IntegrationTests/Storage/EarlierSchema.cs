using System.Globalization;
using DbUp;
using ReportingPortal.Core.Storage;
using ReportingPortal.Core.Storage.Migrations;

namespace ReportingPortal.IntegrationTests.Storage;

/// <summary>A database as an earlier release left it: the migrations numbered below a given one, applied as DbUp applies them.</summary>
public static class EarlierSchema
{
    public static void Create(string connectionString, int before)
    {
        EnsureDatabase.For.PostgresqlDatabase(connectionString, new DbUp.Engine.Output.NoOpUpgradeLog());
        var upgrade = DeployChanges.To.PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.Contains(".Storage.Migrations.") && Number(name) < before);
        // The code script that sealed stored content is number 0016.
        if (before > 16)
            upgrade = upgrade.WithScript(SealStoredContent.Name, new SealStoredContent(connectionString, Portal.TestKeys));
        upgrade.WithTransactionPerScript().LogToNowhere().Build().PerformUpgrade().Successful.ShouldBeTrue();
    }

    private static int Number(string scriptName) =>
        int.Parse(scriptName.Split(".Storage.Migrations.")[1][..4], CultureInfo.InvariantCulture);
}
