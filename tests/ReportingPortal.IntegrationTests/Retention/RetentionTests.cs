using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReportingPortal.Core.Accounts;
using ReportingPortal.Core.Retention;
using ReportingPortal.Core.Statistics;
using ReportingPortal.IntegrationTests.Cases;

namespace ReportingPortal.IntegrationTests.Retention;

/// <summary>
/// The retention job runs in this process on the clock the test sets, against a portal with a database of its own:
/// reports come from the public form and cases are closed in the console.
/// </summary>
public sealed class RetentionTests
{
    [Test]
    public async Task ContentGoesAfterItsRetentionTheSkeletonStaysAndTheFollowUpPageSaysKindlyThatItIsClosed()
    {
        await using var smtp = await SmtpServer.Start();
        await using var portal = await Portal.StartIsolated(smtp);
        var mark = Guid.NewGuid().ToString("N")[..12];
        using var reporter = portal.NewSession();
        var kept = await Submit(reporter, $"Closed as support given {mark}");
        var spam = await Submit(portal.NewSession(), $"Closed as spam {mark}");
        var open = await Submit(portal.NewSession(), $"Never closed {mark}");
        var account = await ConsoleAccounts.Create(portal, administrator: false, ("child-welfare", QueueRole.Responder));
        using (var responder = portal.NewSession())
        {
            (await responder.SignInToConsole(account)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            await Press(responder, kept.Reference, "Write", ("Writing", "InternalNote"), ("Note", $"A note {mark}"));
            await Press(responder, kept.Reference, "Write", ("Writing", "MessageToReporter"), ("Note", $"A question {mark}"));
            await reporter.OpenReportAgain(kept.Reference, kept.AccessCode);
            (await reporter.ReplyOnFollowUp($"An answer {mark}", $"https://social.example/{mark}")).StatusCode.ShouldBe(HttpStatusCode.SeeOther);
            await reporter.LeaveFollowUp();
            await Press(responder, kept.Reference, "Close", ("Outcome", "SupportGiven"));
            await Press(responder, spam.Reference, "Close", ("Outcome", "Spam"));
        }
        await StoredDeliveries.WaitUntilSettled(kept.Reference, portal.ConnectionString);
        var skeletonBefore = await Skeleton(portal.ConnectionString);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = PortalServices.For(portal, collection => collection.AddSingleton<TimeProvider>(clock));
        var job = services.GetRequiredService<RetentionJob>();
        // Statistics read on a clock of their own that stays put: deadlines passing as the job's clock moves change them.
        await using var statistics = PortalServices.For(portal, collection => collection.AddSingleton<TimeProvider>(new FakeTimeProvider(clock.GetUtcNow())));
        var statisticsBefore = await Statistics(statistics);

        clock.Advance(TimeSpan.FromDays(6));
        await job.Run(CancellationToken.None);
        (await Deleted(portal.ConnectionString)).ShouldBeEmpty("nothing is past its retention after 6 days");

        clock.Advance(TimeSpan.FromDays(2));
        await job.Run(CancellationToken.None);
        (await Deleted(portal.ConnectionString)).ShouldBe([spam.Reference], "spam goes after 7 days");

        clock.Advance(TimeSpan.FromDays(83));
        await job.Run(CancellationToken.None);
        await job.Run(CancellationToken.None);
        (await Deleted(portal.ConnectionString)).ShouldBe([kept.Reference, spam.Reference], ignoreOrder: true,
            "a closed case goes after 90 days; an open one never does");

        (await Skeleton(portal.ConnectionString)).ShouldBe(skeletonBefore, "what statistics read is unchanged");
        (await Statistics(statistics)).ShouldBe(statisticsBefore);
        statisticsBefore.ShouldContain(line => line.StartsWith("Outcome Spam ", StringComparison.Ordinal), "the statistics count the reports");
        await using (var connection = await TestDatabase.OpenDatabase(portal.ConnectionString))
        {
            (await connection.ExecuteScalarAsync<long>("""
                select (select count(*) from case_notes) + (select count(*) from case_messages)
                     + (select count(*) from referrals where reason is not null) + (select count(*) from reporter_sessions)
                """)).ShouldBe(0);
            (await connection.ExecuteScalarAsync<long>("select count(*) from audit_log where action = 'ContentDeleted'")).ShouldBe(2);
            (await connection.QueryAsync<string>("select reference from reports where link_fingerprints is not null"))
                .ShouldBe([open.Reference], "the fingerprints of a report's links go with its content");
            (await connection.ExecuteScalarAsync<long>("select (select count(*) from mail_deliveries) + (select count(*) from captcha_solutions)"))
                .ShouldBe(0, "mail sent more than 90 days ago and expired captcha solutions are trimmed, the open report's too");
        }
        (await StoredReport.Load(open.Reference, portal.ConnectionString)).description.ShouldBe($"Never closed {mark}");
        var dump = await TestDatabase.Dump(portal.ConnectionString);
        dump.ShouldContain(kept.Reference);
        (await StoredReport.Load(kept.Reference, portal.ConnectionString)).data_key.ShouldBeNull("the data key is gone with the content");

        var page = await reporter.OpenReportAgain(kept.Reference, kept.AccessCode);
        page.QuerySelector("#closed").ShouldNotBeNull().TextContent.ShouldContain("what it said and the messages about it have now been deleted");
        page.QuerySelector("#reply-form").ShouldBeNull();
        page.Body!.TextContent.ShouldNotContain(mark);

        using (var responder = portal.NewSession())
        {
            (await responder.SignInToConsole(account)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var (response, casePage) = await CasePages.Open(responder, kept.Reference);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            casePage.QuerySelector("#content-deleted").ShouldNotBeNull();
            casePage.Body!.TextContent.ShouldNotContain(mark);
            var refused = await CasePages.Press(responder, kept.Reference, "Write", ("Writing", "InternalNote"), ("Note", "Too late."));
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }

        clock.Advance(TimeSpan.FromDays(90));
        var status = await services.GetRequiredService<RetentionStatusQuery>().Read(CancellationToken.None);
        (status.ContentKept, status.ContentDeleted, status.DueForDeletion, status.OpenTooLong).ShouldBe((1L, 2L, 0L, 1L));
        status.OldestOpen.ShouldHaveSingleItem().Reference.ShouldBe(open.Reference);
    }

    private static Task<Receipt> Submit(PortalSession session, string description) =>
        session.SubmitReport(ReportAnswers.Identified($"reporter-{Guid.NewGuid():N}@family.example")
            .With("Description", description).With("Category", "Other").With("ReporterRole", "OtherAdult"));

    /// <summary>The console's statistics of the last weeks for every queue, as text.</summary>
    private static async Task<List<string>> Statistics(IServiceProvider services)
    {
        var weekly = await services.GetRequiredService<StatisticsQuery>().Weekly(
            StatisticsWeeks.Latest(DateOnly.FromDateTime(DateTime.UtcNow)), StatisticsScope.Everything, CancellationToken.None);
        return weekly.Breakdowns
            .SelectMany(breakdown => breakdown.Counts.Select(count => $"{breakdown.Breakdown} {count.Key.Value} {count.Key.Period} {count.Value}"))
            .Order(StringComparer.Ordinal)
            .Concat(weekly.Times.Select(times => times.ToString()))
            .ToList();
    }

    private static async Task Press(PortalSession session, string reference, string handler, params (string Name, string Value)[] fields) =>
        (await CasePages.Press(session, reference, handler, fields)).StatusCode.ShouldBe(HttpStatusCode.SeeOther);

    private static async Task<List<string>> Deleted(string connectionString)
    {
        await using var connection = await TestDatabase.OpenDatabase(connectionString);
        return (await connection.QueryAsync<string>("select reference from reports where content_deleted_at is not null and content is null")).ToList();
    }

    /// <summary>Every column statistics may read, for every report, as one line each.</summary>
    private static async Task<List<string>> Skeleton(string connectionString)
    {
        await using var connection = await TestDatabase.OpenDatabase(connectionString);
        return (await connection.QueryAsync<string>("""
            select concat_ws('|', r.reference, r.category, r.priority, r.country, r.child_age_range, r.reporter_role, r.received_at,
                             c.status, c.outcome, c.first_action_at, c.closed_at, c.first_action_due, c.feedback_due,
                             (select string_agg(queue, ',' order by queue) from case_queues q where q.report_id = r.id))
            from reports r join cases c on c.report_id = r.id order by r.id
            """)).ToList();
    }
}
