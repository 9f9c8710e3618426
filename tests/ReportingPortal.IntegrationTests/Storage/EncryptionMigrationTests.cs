using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReportingPortal.Core.Encryption;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.IntegrationTests.Storage;

public sealed class EncryptionMigrationTests
{
    [Test]
    public async Task ReportsNotesMessagesAndReasonsStoredInClearAreSealedByTheMigrationAndReadTheSame()
    {
        var database = TestDatabase.NewDatabaseName();
        var connectionString = TestDatabase.ConnectionStringFor(database);
        try
        {
            // The database as it was before encryption at rest: every script before 0015.
            EarlierSchema.Create(connectionString, before: 15);
            await using var connection = new Npgsql.NpgsqlConnection(connectionString);
            var reportId = await connection.ExecuteScalarAsync<long>("""
                insert into reports (reference, access_code_hash, form_key_hash, language, reporter_role, category, urls, platform, usernames,
                                     region, occurred, child_age_range, child_in_danger, description, contact_preference, contact_name, contact_email)
                values ('RP-OLD0-0001', '\x01', '\x02', 'en', 'ParentOrCaregiver', 'Grooming', array['https://social.example/old'], 'Old Social',
                        'old_user', 'Old Town', 'Today', 'From13To15', 'No', 'Stored in clear before encryption.', 'Email', 'Old Parent',
                        'old.parent@family.example')
                returning id
                """);
            await connection.ExecuteAsync("""
                insert into accounts (email, display_name) values ('old.responder@example.org', 'Old Responder');
                insert into cases (report_id, priority_rank, first_action_due, feedback_due) values (@reportId, 2, now(), now());
                insert into case_notes (report_id, author_account_id, body) select @reportId, id, 'An old note in clear.' from accounts;
                insert into referrals (report_id, queue, reason, referred_by) select @reportId, 'psychosocial', 'An old reason in clear.', id from accounts;
                insert into case_messages (report_id, direction, body, urls) values (@reportId, 'FromReporter', 'An old answer in clear.', array['https://old.example/x']);
                """, new { reportId });

            new DatabaseMigrator(Options.Create(new DatabaseOptions { ConnectionString = connectionString }), Portal.TestKeys,
                Portal.TestLinkFingerprints, Options.Create(new Core.Linking.LinkingOptions()), NullLoggerFactory.Instance).Migrate();

            var report = await StoredReport.Load("RP-OLD0-0001", connectionString);
            report.key_id.ShouldBe(Portal.TestKeyId);
            report.Content.ShouldBeEquivalentTo(new Core.Reports.ReportContent(["https://social.example/old"], "Old Social", "old_user", "Old Town",
                "Stored in clear before encryption.", "Old Parent", "old.parent@family.example"));
            var key = Portal.TestKeys.Open(report.reference, report.key_id!, report.data_key!);
            key.OpenText(await connection.QuerySingleAsync<byte[]>("select body from case_notes"), SealedPurpose.CaseNote).ShouldBe("An old note in clear.");
            key.OpenText(await connection.QuerySingleAsync<byte[]>("select reason from referrals"), SealedPurpose.ReferralReason).ShouldBe("An old reason in clear.");
            var answer = (await StoredMessages.For("RP-OLD0-0001", connectionString)).ShouldHaveSingleItem();
            (answer.Direction, answer.Author, answer.Body).ShouldBe(("FromReporter", (long?)null, "An old answer in clear."));
            answer.Urls.ShouldBe(["https://old.example/x"]);
            var dump = await TestDatabase.Dump(connectionString);
            foreach (var clear in new[] { "in clear", "Old Social", "old_user", "Old Town", "Old Parent", "old.parent@family.example", "old.example" })
                dump.ShouldNotContain(clear);
        }
        finally
        {
            await TestDatabase.Drop(database);
        }
    }
}
