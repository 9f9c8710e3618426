using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using ReportingPortal.Core.Accounts;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.Forwarding;
using ReportingPortal.Core.Reports;
using ReportingPortal.Core.Statistics;
using ReportingPortal.Web;

namespace ReportingPortal.IntegrationTests.Statistics;

/// <summary>
/// The console's statistics and the public figures, on a portal with a database of its own so that every count is
/// known. Two weeks of the last whole quarter are written with chosen times (for the arithmetic); the current week gets
/// reports through the real form. Every expected figure is worked out here from the test's own data.
/// </summary>
public sealed class StatisticsPagesTests
{
    private const string FewerThanTen = "fewer than 10";

    private Portal _portal = null!;
    private PortalSession _administrator = null!;
    private PortalSession _supervisor = null!;
    private PortalSession _responder = null!;

    // Mondays of two weeks in the last whole quarter, which the public page shows too.
    private DateOnly _firstWeek;
    private DateOnly _secondWeek;
    private DateOnly _lastQuarter;

    private readonly List<double> _firstActionHours = [];
    private readonly List<double> _closeHours = [];

    [OneTimeSetUp]
    public async Task Start()
    {
        _portal = await Portal.StartIsolated(TestRun.Smtp, processes: PortalProcesses.WebOnly);
        _administrator = await SignedIn(administrator: true);
        _supervisor = await SignedIn(administrator: false, ("child-welfare", QueueRole.Supervisor), ("psychosocial", QueueRole.Responder));
        _responder = await SignedIn(administrator: false, ("child-welfare", QueueRole.Responder));

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        _lastQuarter = PublicStatistics.FirstQuarter(today).AddMonths(3 * (PublicStatistics.Quarters - 1));
        _firstWeek = StatisticsWeeks.MondayOf(_lastQuarter.AddDays(13));
        _secondWeek = _firstWeek.AddDays(7);
        var rows = new StatisticsRows(_portal.ConnectionString);
        var first = new DateTimeOffset(_firstWeek.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

        // Week one, child welfare: 12 grooming reports acted on after 1..12 hours (deadline 10 hours), 10 of them closed
        // after 1..10 days (feedback due after 8 days); and 3 sextortion reports nobody acted on, all deadlines passed.
        for (var k = 1; k <= 12; k++)
        {
            await rows.Add(first.AddMinutes(k), firstActionAfter: TimeSpan.FromHours(k), firstActionDueAfter: TimeSpan.FromHours(10),
                closedAfter: k <= 10 ? TimeSpan.FromDays(k) : null, outcome: k <= 10 ? "SupportGiven" : null, feedbackDueAfter: TimeSpan.FromDays(8));
            _firstActionHours.Add(k);
            if (k <= 10)
                _closeHours.Add(24 * k);
        }
        for (var k = 1; k <= 3; k++)
            await rows.Add(first.AddHours(k), category: "Sextortion", priority: Priority.High, country: "ES", reporterRole: "ChildAboutThemselves",
                firstActionDueAfter: TimeSpan.FromHours(24), feedbackDueAfter: TimeSpan.FromDays(8));

        // Week two: 11 reports of abuse material for the hotline alone, and one report in both queues.
        var second = first.AddDays(7);
        for (var k = 1; k <= 11; k++)
            await rows.Add(second.AddHours(k), category: "AbuseMaterialOnline", country: null, reporterRole: "OtherAdult", queues: ["hotline"]);
        await rows.Add(second, category: "Other", queues: ["hotline", "child-welfare"]);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _administrator?.Dispose();
        _supervisor?.Dispose();
        _responder?.Dispose();
        if (_portal is not null)
            await _portal.DisposeAsync();
    }

    private async Task<PortalSession> SignedIn(bool administrator, params (string Queue, QueueRole Role)[] queues) =>
        (await ConsoleAccounts.SignedIn(_portal, administrator, queues)).Session;

    private static string Iso(DateOnly monday) => StatisticsWeeks.IsoName(monday);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string RangeOfBothWeeks => $"?from={Day(_firstWeek)}&to={Day(_secondWeek.AddDays(6))}";

    private static async Task<IHtmlDocument> Open(PortalSession session, string query = "")
    {
        var (response, page) = await session.GetPage(Routes.ConsoleStatistics + query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, page.QuerySelector("#problem")?.TextContent);
        return page;
    }

    private static string Cell(IHtmlDocument page, string table, string value, DateOnly week) =>
        page.QuerySelector($"#{table} tr[data-value='{value}'] td[data-week='{Iso(week)}']").ShouldNotBeNull($"{table} {value} {Iso(week)}").TextContent.Trim();

    private static string Figure(IHtmlDocument page, string week, string figure) =>
        page.QuerySelector($"#case-times tr[data-week='{week}'] td[data-figure='{figure}']").ShouldNotBeNull($"{week} {figure}").TextContent.Trim();

    /// <summary>What PostgreSQL's percentile_cont computes: linear interpolation between the two nearest ranks.</summary>
    private static double Percentile(IEnumerable<double> values, double fraction)
    {
        var sorted = values.Order().ToList();
        var position = fraction * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static string Hours(double hours) => hours < 48
        ? hours.ToString("0.0", CultureInfo.InvariantCulture) + " h"
        : (hours / 24).ToString("0.0", CultureInfo.InvariantCulture) + " days";

    private static string Percent(int met, int decided) => (100.0 * met / decided).ToString("0", CultureInfo.InvariantCulture) + " %";

    [Test]
    public async Task AnAdministratorSeesEveryQueuesReportsPerWeekByEachBreakdownWithSmallCountsHidden()
    {
        var page = await Open(_administrator, RangeOfBothWeeks);

        Cell(page, "by-category", "Grooming", _firstWeek).ShouldBe("12");
        Cell(page, "by-category", "Sextortion", _firstWeek).ShouldBe(FewerThanTen);
        Cell(page, "by-category", "AbuseInPerson", _firstWeek).ShouldBe("0");
        Cell(page, "by-category", "AbuseMaterialOnline", _secondWeek).ShouldBe("11");
        Cell(page, "by-category", "Other", _secondWeek).ShouldBe(FewerThanTen);
        Cell(page, "by-priority", "Normal", _firstWeek).ShouldBe("12");
        Cell(page, "by-priority", "High", _firstWeek).ShouldBe(FewerThanTen);
        Cell(page, "by-priority", "Normal", _secondWeek).ShouldBe("12");
        Cell(page, "by-country", "FR", _firstWeek).ShouldBe("12");
        Cell(page, "by-country", "ES", _firstWeek).ShouldBe(FewerThanTen);
        Cell(page, "by-country", "", _secondWeek).ShouldBe("11");
        Cell(page, "by-reporterrole", "ParentOrCaregiver", _firstWeek).ShouldBe("12");
        Cell(page, "by-reporterrole", "ChildAboutThemselves", _firstWeek).ShouldBe(FewerThanTen);
        Cell(page, "by-reporterrole", "OtherAdult", _secondWeek).ShouldBe("11");
        Cell(page, "by-outcome", "SupportGiven", _firstWeek).ShouldBe("10");
        Cell(page, "by-outcome", "", _firstWeek).ShouldBe(FewerThanTen);
        Cell(page, "by-outcome", "", _secondWeek).ShouldBe("12");
        Cell(page, "by-queue", "child-welfare", _firstWeek).ShouldBe("15");
        Cell(page, "by-queue", "hotline", _secondWeek).ShouldBe("12");
        Cell(page, "by-queue", "child-welfare", _secondWeek).ShouldBe(FewerThanTen);
        Cell(page, "by-queue", "police-cyber", _secondWeek).ShouldBe("0");
    }

    [Test]
    public async Task TimesToFirstActionAndToCloseAreMediansAndNinetiethPercentilesAndDeadlinesMetAreShares()
    {
        var page = await Open(_administrator, RangeOfBothWeeks);
        var week = Iso(_firstWeek);

        Figure(page, week, "reports").ShouldBe("15");
        Figure(page, week, "first_actions").ShouldBe("12");
        Figure(page, week, "first_action_median").ShouldBe(Hours(Percentile(_firstActionHours, 0.5)));
        Figure(page, week, "first_action_p90").ShouldBe(Hours(Percentile(_firstActionHours, 0.9)));
        Figure(page, week, "closed").ShouldBe("10");
        Figure(page, week, "close_median").ShouldBe(Hours(Percentile(_closeHours, 0.5)));
        Figure(page, week, "close_p90").ShouldBe(Hours(Percentile(_closeHours, 0.9)));
        // First action: 10 of the 12 grooming cases within 10 hours; the 3 sextortion cases passed their deadline.
        Figure(page, week, "first_action_met").ShouldBe(Percent(_firstActionHours.Count(hours => hours <= 10), 15));
        // Feedback: closed within 8 days, out of all 15, whose feedback deadline has passed.
        Figure(page, week, "feedback_met").ShouldBe(Percent(_closeHours.Count(hours => hours <= 8 * 24), 15));

        // Week two: 12 cases, none acted on, so no time from fewer than 10 cases is shown.
        Figure(page, Iso(_secondWeek), "reports").ShouldBe("12");
        Figure(page, Iso(_secondWeek), "first_actions").ShouldBe("0");
        Figure(page, Iso(_secondWeek), "first_action_median").ShouldBe("–");
        Figure(page, "all", "reports").ShouldBe("27");
        Figure(page, "all", "first_action_median").ShouldBe(Hours(Percentile(_firstActionHours, 0.5)));
    }

    [Test]
    public async Task AFigureFromFewerThanTenCasesIsHiddenLikeASmallCount()
    {
        var rows = new StatisticsRows(_portal.ConnectionString);
        // A week of its own, a year before: 9 cases closed, 9 deadlines decided.
        var monday = _firstWeek.AddDays(-364);
        var start = new DateTimeOffset(monday.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);
        for (var k = 1; k <= 9; k++)
            await rows.Add(start.AddHours(k), queues: ["psychosocial"], firstActionAfter: TimeSpan.FromHours(k), closedAfter: TimeSpan.FromDays(1), outcome: "Spam");

        var page = await Open(_administrator, $"?from={Day(monday)}&to={Day(monday)}");

        Figure(page, Iso(monday), "reports").ShouldBe(FewerThanTen);
        Figure(page, Iso(monday), "first_action_median").ShouldBe(FewerThanTen);
        Figure(page, Iso(monday), "close_p90").ShouldBe(FewerThanTen);
        Figure(page, Iso(monday), "first_action_met").ShouldBe(FewerThanTen);
        Cell(page, "by-outcome", "Spam", monday).ShouldBe(FewerThanTen);
        page.QuerySelectorAll("td").Select(cell => cell.TextContent.Trim()).ShouldNotContain("9");
    }

    [Test]
    public async Task ASupervisorSeesOnlyTheReportsOfTheQueuesTheySupervise()
    {
        var page = await Open(_supervisor, RangeOfBothWeeks);

        Cell(page, "by-category", "Grooming", _firstWeek).ShouldBe("12");
        Cell(page, "by-category", "AbuseMaterialOnline", _secondWeek).ShouldBe("0");
        Cell(page, "by-category", "Other", _secondWeek).ShouldBe(FewerThanTen);
        Figure(page, Iso(_secondWeek), "reports").ShouldBe(FewerThanTen);
        page.QuerySelectorAll("#by-queue tr[data-value]").Select(row => row.GetAttribute("data-value")).ShouldBe(["child-welfare"]);

        var csv = await Csv(_supervisor, RangeOfBothWeeks);
        ShouldHaveLine(csv, "category", Iso(_secondWeek), Day(_secondWeek), "AbuseMaterialOnline", "0");
        csv.ShouldNotContain(line => line[0] == "queue" && line[3] == "hotline");
    }

    [Test]
    public async Task AResponderWhoSupervisesNoQueueIsRefusedAndNotOfferedTheStatistics()
    {
        var (response, page) = await _responder.GetPage(Routes.ConsoleStatistics + RangeOfBothWeeks);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        page.QuerySelector("#problem").ShouldNotBeNull().TextContent.ShouldContain("supervisors");
        page.QuerySelector("#case-times").ShouldBeNull();
        (await _responder.Get(Routes.ConsoleStatistics + RangeOfBothWeeks + "&handler=csv")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var (_, inbox) = await _responder.GetPage(Routes.Console);
        inbox.QuerySelectorAll("nav a").Select(link => link.GetAttribute("href")).ShouldNotContain(Routes.ConsoleStatistics);
        var (_, supervisorInbox) = await _supervisor.GetPage(Routes.Console);
        supervisorInbox.QuerySelectorAll("nav a").Select(link => link.GetAttribute("href")).ShouldContain(Routes.ConsoleStatistics);
    }

    [TestCase("?from=2026-03-01&to=2026-01-01")]
    [TestCase("?from=2020-01-01&to=2026-01-01")]
    [TestCase("?from=yesterday")]
    public async Task ARangeBackwardsTooLongOrUnreadableGetsAKindMessage(string query)
    {
        var (response, page) = await _administrator.GetPage(Routes.ConsoleStatistics + query);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        page.QuerySelector("#problem").ShouldNotBeNull().TextContent.ShouldContain("at most 106 weeks");
    }

    [Test]
    public async Task ReportsSentThroughTheFormAreCountedInTheirWeekOnThePageAndInTheCsv()
    {
        var references = new List<string>();
        using (var visitor = _portal.NewSession())
        {
            for (var k = 0; k < 11; k++)
                references.Add((await visitor.SubmitReport(ReportAnswers.Anonymous($"Statistics report {k}.").With("Category", "Other").With("ReporterRole", "OtherAdult"))).Reference);
            for (var k = 0; k < 2; k++)
                references.Add((await visitor.SubmitReport(ReportAnswers.Anonymous($"Statistics grooming report {k}."))).Reference);
        }
        await using var connection = new NpgsqlConnection(_portal.ConnectionString);
        var stored = (await connection.QueryAsync<(DateTime ReceivedAt, string Category, string[] Queues)>("""
            select r.received_at, r.category, c.queues from reports r join cases c on c.report_id = r.id where r.reference = any (@references)
            """, new { references = references.ToArray() })).ToList();
        stored.Count.ShouldBe(13);
        var weeks = stored.Select(report => StatisticsWeeks.MondayOf(DateOnly.FromDateTime(report.ReceivedAt.ToUniversalTime()))).Distinct().ToList();
        Assume.That(weeks, Has.Count.EqualTo(1), "the reports were sent across midnight between two weeks");
        var week = weeks.Single();
        var others = stored.Count(report => report.Category == "Other");
        var inChildWelfare = stored.Count(report => report.Queues.Contains("child-welfare"));
        var range = $"?from={Day(week)}&to={Day(week)}";

        var page = await Open(_administrator, range);
        Cell(page, "by-category", "Other", week).ShouldBe(others.ToString(CultureInfo.InvariantCulture));
        Cell(page, "by-category", "Grooming", week).ShouldBe(FewerThanTen);
        Cell(page, "by-queue", "child-welfare", week).ShouldBe(inChildWelfare.ToString(CultureInfo.InvariantCulture));
        Cell(page, "by-reporterrole", "OtherAdult", week).ShouldBe(others.ToString(CultureInfo.InvariantCulture));
        Cell(page, "by-country", "FR", week).ShouldBe(stored.Count.ToString(CultureInfo.InvariantCulture));
        Cell(page, "by-outcome", "", week).ShouldBe(stored.Count.ToString(CultureInfo.InvariantCulture));
        page.QuerySelector("#csv").ShouldNotBeNull().GetAttribute("href").ShouldNotBeNull().ShouldContain("handler=csv");

        var csv = await Csv(_administrator, range);
        csv[0].ShouldBe(["table", "iso_week", "week_starts", "item", "figure"]);
        ShouldHaveLine(csv, "category", Iso(week), Day(week), "Other", others.ToString(CultureInfo.InvariantCulture));
        ShouldHaveLine(csv, "category", Iso(week), Day(week), "Grooming", FewerThanTen);
        ShouldHaveLine(csv, "country", Iso(week), Day(week), "FR", stored.Count.ToString(CultureInfo.InvariantCulture));
        ShouldHaveLine(csv, "outcome", Iso(week), Day(week), "open", stored.Count.ToString(CultureInfo.InvariantCulture));
        ShouldHaveLine(csv, "case_times", Iso(week), Day(week), "reports", stored.Count.ToString(CultureInfo.InvariantCulture));
    }

    [Test]
    public async Task TheCsvHoldsTheSameFiguresAsThePage()
    {
        var page = await Open(_administrator, RangeOfBothWeeks);
        var csv = await Csv(_administrator, RangeOfBothWeeks);
        foreach (var (table, value) in new[] { ("category", "Grooming"), ("category", "Sextortion"), ("queue", "hotline"), ("priority", "High") })
            foreach (var week in new[] { _firstWeek, _secondWeek })
                ShouldHaveLine(csv, table, Iso(week), Day(week), value, Cell(page, "by-" + table, value, week));
        ShouldHaveLine(csv, "case_times", Iso(_firstWeek), Day(_firstWeek), "first_action_median_hours",
            Percentile(_firstActionHours, 0.5).ToString("0.00", CultureInfo.InvariantCulture));
        ShouldHaveLine(csv, "case_times", Iso(_firstWeek), Day(_firstWeek), "feedback_deadlines_met_percent",
            (100.0 * 8 / 15).ToString("0.0", CultureInfo.InvariantCulture));
    }

    [Test]
    public async Task ThePublicPageShowsTheLastWholeQuartersByCategoryAndOutcomeInFrench()
    {
        using var visitor = _portal.NewSession();
        visitor.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var (response, page) = await visitor.GetPage(Routes.Statistics);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.DocumentElement.GetAttribute("lang").ShouldNotBeNull().ShouldStartWith("fr");
        page.QuerySelector("h1")!.TextContent.ShouldBe("Les signalements en chiffres");
        string Public(string table, string value) =>
            page.QuerySelector($"#{table} tr[data-value='{value}'] td[data-quarter='{Day(_lastQuarter)}']").ShouldNotBeNull().TextContent.Trim();
        Public("by-category", "Grooming").ShouldBe("12");
        Public("by-category", "AbuseMaterialOnline").ShouldBe("11");
        Public("by-category", "Sextortion").ShouldBe("moins de 10");
        Public("by-category", "Other").ShouldBe("moins de 10");
        Public("by-category", "AbuseInPerson").ShouldBe("0");
        Public("by-outcome", "SupportGiven").ShouldBe("10");
        Public("by-outcome", "").ShouldBe("17");
        page.QuerySelector("#by-outcome tr[data-value='SupportGiven'] th")!.TextContent.ShouldBe("Soutien apporté");
        // The current quarter, where the form's reports are, is not shown until it ends.
        page.QuerySelectorAll("#by-category thead th[data-quarter]").Select(cell => cell.GetAttribute("data-quarter")).ShouldNotContain(
            Day(_lastQuarter.AddMonths(3)));

        page.QuerySelectorAll("[src], link[href]").Select(element => element.GetAttribute("src") ?? element.GetAttribute("href"))
            .ShouldAllBe(address => address!.StartsWith('/') && !address.StartsWith("//"));
        var (_, home) = await visitor.GetPage(Routes.Home);
        home.QuerySelectorAll("footer a").Select(link => link.GetAttribute("href")).ShouldContain(Routes.Statistics);
    }

    [Test]
    public async Task StatisticsAreCountedWithoutReadingAnyColumnThatRetentionDeletes()
    {
        var role = "statistics_" + Guid.NewGuid().ToString("N")[..12];
        var password = Guid.NewGuid().ToString("N");
        await using var owner = new NpgsqlConnection(_portal.ConnectionString);
        // Only what stays in clear once report content is encrypted and deleted, column by column.
        await owner.ExecuteAsync($"""
            create role {role} login password '{password}';
            grant select (id, category, priority, country, child_age_range, reporter_role, received_at) on reports to {role};
            grant select on cases, case_queues, account_queues to {role};
            grant select (id, is_administrator, disabled_at) on accounts to {role};
            """);
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(_portal.ConnectionString) { Username = role, Password = password, Pooling = false };
            await using var restricted = NpgsqlDataSource.Create(connection.ConnectionString);
            var query = new StatisticsQuery(restricted, Options.Create(new CasesOptions { Outcomes = ["SupportGiven"] }),
                Options.Create(new ForwardingOptions()), TimeProvider.System);

            var weekly = await query.Weekly(StatisticsWeeks.Between(_firstWeek, _secondWeek).ShouldNotBeNull(), StatisticsScope.Everything, CancellationToken.None);
            weekly.Breakdowns.Single(counts => counts.Breakdown == StatisticsBreakdown.Category).Count("Grooming", _firstWeek).ShouldBe(12);
            weekly.TimesOf(_firstWeek).ShouldNotBeNull().FirstActed.ShouldBe(12);
            var quarterly = await query.Quarterly(_lastQuarter, 1, CancellationToken.None);
            quarterly.Single(counts => counts.Breakdown == StatisticsBreakdown.Outcome).Count("SupportGiven", _lastQuarter).ShouldBe(10);
            var anyAccount = await owner.ExecuteScalarAsync<long>("select min(id) from accounts");
            await query.ScopeOf(anyAccount, CancellationToken.None);

            await using var reader = await restricted.OpenConnectionAsync();
            (await Should.ThrowAsync<PostgresException>(() => reader.ExecuteScalarAsync<byte[]>("select content from reports limit 1")))
                .SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        }
        finally
        {
            await owner.ExecuteAsync($"drop owned by {role}; drop role {role};");
        }
    }

    /// <summary>The CSV export of <paramref name="query"/>'s weeks, as lines of cells.</summary>
    private static async Task<List<string[]>> Csv(PortalSession session, string query)
    {
        var response = await session.Get(Routes.ConsoleStatistics + query + "&handler=csv");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition.ShouldNotBeNull().DispositionType.ShouldBe("attachment");
        var text = await response.Content.ReadAsStringAsync();
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldAllBe(line => line.StartsWith('"') && line.EndsWith('"'), "every cell is quoted");
        return lines.Select(line => line[1..^1].Split("\",\"")).ToList();
    }

    private static void ShouldHaveLine(List<string[]> csv, params string[] cells) =>
        csv.ShouldContain(line => line.SequenceEqual(cells), string.Join(",", cells));
}
