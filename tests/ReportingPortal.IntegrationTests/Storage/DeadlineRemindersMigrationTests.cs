using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.IntegrationTests.Storage;

public sealed class DeadlineRemindersMigrationTests
{
    [Test]
    public async Task DeadlinesAlreadyPassedWhenRemindersBeginAreRecordedAsRemindedSoNoOldCaseIsMailed()
    {
        var database = TestDatabase.NewDatabaseName();
        var migrator = new DatabaseMigrator(
            Options.Create(new DatabaseOptions { ConnectionString = TestDatabase.ConnectionStringFor(database) }), Portal.TestKeys,
            Portal.TestLinkFingerprints, Options.Create(new Core.Linking.LinkingOptions()), NullLoggerFactory.Instance);
        try
        {
            migrator.Migrate();
            await using var connection = new Npgsql.NpgsqlConnection(TestDatabase.ConnectionStringFor(database));
            // The database as it was before 0012: cases of every kind, and no reminder recorded yet.
            await connection.ExecuteAsync("""
                delete from schemaversions where scriptname like '%.0012_deadline_reminders.sql';
                drop index cases_open_by_feedback_due;
                """);
            var old = await Case(connection, "RP-OLD0-0001", "New", firstActionIn: TimeSpan.FromDays(-3), feedbackIn: TimeSpan.FromDays(-1));
            await Case(connection, "RP-OLD0-0002", "InProgress", firstActionIn: TimeSpan.FromDays(-3), feedbackIn: TimeSpan.FromDays(80), acted: true);
            await Case(connection, "RP-OLD0-0003", "Closed", firstActionIn: TimeSpan.FromDays(-3), feedbackIn: TimeSpan.FromDays(-1), acted: true);
            await Case(connection, "RP-NEW0-0004", "New", firstActionIn: TimeSpan.FromDays(6), feedbackIn: TimeSpan.FromDays(90));

            migrator.Migrate();

            var recorded = (await connection.QueryAsync<(long ReportId, string Deadline, string Stage)>(
                "select report_id, deadline, stage from case_reminders order by report_id, deadline")).ToList();
            recorded.ShouldBe([(old, "Feedback", "Overdue"), (old, "FirstAction", "Overdue")],
                "only the open case's passed deadlines; not a met first action, a closed case or a future deadline");
        }
        finally
        {
            await TestDatabase.Drop(database);
        }
    }

    private static async Task<long> Case(Npgsql.NpgsqlConnection connection, string reference, string status, TimeSpan firstActionIn,
        TimeSpan feedbackIn, bool acted = false)
    {
        var id = await connection.ExecuteScalarAsync<long>("""
            insert into reports (reference, access_code_hash, form_key_hash, language, reporter_role, category, occurred,
                                 child_age_range, child_in_danger, contact_preference)
            values (@reference, '\x01', decode(md5(@reference), 'hex'), 'en', 'OtherAdult', 'Grooming', 'Today', 'From13To15', 'No',
                    'Anonymous')
            returning id
            """, new { reference });
        await connection.ExecuteAsync("""
            insert into cases (report_id, status, priority_rank, outcome, first_action_due, feedback_due, first_action_at, closed_at)
            values (@id, @status, 2, case when @status = 'Closed' then 'Spam' end, now() + @firstActionIn, now() + @feedbackIn,
                    case when @acted then now() end, case when @status = 'Closed' then now() end)
            """, new { id, status, firstActionIn, feedbackIn, acted });
        return id;
    }
}
