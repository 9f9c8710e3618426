using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReportingPortal.Core.Encryption;
using ReportingPortal.Core.Linking;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.IntegrationTests.Storage;

public sealed class LinkFingerprintMigrationTests
{
    [Test]
    public async Task ReportsStoredBeforeLinksWereFingerprintedGetFingerprintsWhenStillWithinTheWindow()
    {
        var database = TestDatabase.NewDatabaseName();
        var connectionString = TestDatabase.ConnectionStringFor(database);
        try
        {
            // The database as it was before links were fingerprinted: every script before 0023.
            EarlierSchema.Create(connectionString, before: 23);
            await using var connection = new Npgsql.NpgsqlConnection(connectionString);
            await Store(connection, "RP-OLD0-0001", "https://social.example/recent/", TimeSpan.FromDays(2));
            await Store(connection, "RP-OLD0-0002", "https://social.example/long-ago", TimeSpan.FromDays(40));

            new DatabaseMigrator(Options.Create(new DatabaseOptions { ConnectionString = connectionString }), Portal.TestKeys,
                Portal.TestLinkFingerprints, Options.Create(new LinkingOptions()), NullLoggerFactory.Instance).Migrate();

            var stored = (await connection.QueryAsync<(string Reference, byte[][]? Fingerprints)>(
                "select reference, link_fingerprints from reports order by reference")).ToList();
            stored[0].Fingerprints.ShouldNotBeNull().ShouldBe(Portal.TestLinkFingerprints.Of(["http://www.social.example/recent"]));
            stored[1].Fingerprints.ShouldBeNull("a report older than the window could not be linked to a new one");
        }
        finally
        {
            await TestDatabase.Drop(database);
        }
    }

    private static async Task Store(Npgsql.NpgsqlConnection connection, string reference, string url, TimeSpan age)
    {
        var key = Portal.TestKeys.NewReportKey(reference);
        var content = new Core.Reports.ReportContent([url], null, null, null, "Stored before links were fingerprinted.", null, null);
        await connection.ExecuteAsync("""
            insert into reports (reference, access_code_hash, form_key_hash, language, reporter_role, category, occurred,
                                 child_age_range, child_in_danger, contact_preference, key_id, data_key, content, received_at)
            values (@reference, @reference::bytea, @reference::bytea, 'en', 'OtherAdult', 'Other', 'Today',
                    'From13To15', 'No', 'Anonymous', @KeyId, @WrappedKey, @Content, now() - @age)
            """, new { reference, key.KeyId, key.WrappedKey, Content = key.Seal(content, SealedPurpose.ReportContent), age });
    }
}
