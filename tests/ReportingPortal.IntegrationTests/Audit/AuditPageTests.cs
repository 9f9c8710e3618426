using System.Net;
using Dapper;
using ReportingPortal.Core.Audit;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.IntegrationTests.Audit;

/// <summary>The audit log page and its CSV export, for administrators only, on the shared portal: each test narrows the log to a report of its own.</summary>
public sealed class AuditPageTests
{
    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal() => _portal = await Portal.Shared();

    [Test]
    public async Task AnAdministratorSeesTheLinesOfOneReportNewestFirst()
    {
        var (reference, reportId) = await NewReport();
        await Write(new AuditEntry(AuditAction.CaseStatusChanged, null, reportId, Detail: "New->InProgress"));
        await Write(new AuditEntry(AuditAction.CaseClosed, null, reportId, Detail: "Spam"));
        using var administrator = await SignedIn(administrator: true);

        var (response, page) = await administrator.GetPage($"/console/audit?reference={reference.ToLowerInvariant()}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = page.QuerySelectorAll("#audit-log tbody tr").Select(row => row.QuerySelectorAll("td").Select(cell => cell.TextContent.Trim()).ToList()).ToList();
        rows.Select(row => row[2]).ShouldBe(["Case closed", "Case status changed"]);
        rows.ShouldAllBe(row => row[3] == reference && row[1] == "The portal");
        rows.Select(row => row[5]).ShouldBe(["Spam", "New->InProgress"]);
        page.QuerySelector("#audit-log a")!.GetAttribute("href").ShouldBe($"/console/cases/{reference}");
    }

    [Test]
    public async Task TheFiltersNarrowTheLogByActionAccountAndDay()
    {
        var (reference, reportId) = await NewReport();
        var responder = await ConsoleAccounts.Create(_portal);
        await Write(new AuditEntry(AuditAction.CaseTaken, responder.Id, reportId));
        await Write(new AuditEntry(AuditAction.NoteAdded, responder.Id, reportId));
        await Write(new AuditEntry(AuditAction.NoteAdded, null, reportId));
        using var administrator = await SignedIn(administrator: true);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");

        (await Actions(administrator, $"reference={reference}&action=NoteAdded")).ShouldBe(["Note added", "Note added"]);
        (await Actions(administrator, $"reference={reference}&account={responder.Id}")).ShouldBe(["Note added", "Case taken"]);
        (await Actions(administrator, $"reference={reference}&from={today}&to={today}")).Count.ShouldBe(3);
        (await Actions(administrator, $"reference={reference}&to=2000-01-01")).ShouldBeEmpty();
    }

    [Test]
    public async Task ALongLogIsShownAPageAtATime()
    {
        var (reference, reportId) = await NewReport();
        for (var i = 0; i < 55; i++)
            await Write(new AuditEntry(AuditAction.CaseViewed, null, reportId, Detail: $"view {i}"));
        using var administrator = await SignedIn(administrator: true);

        var (_, first) = await administrator.GetPage($"/console/audit?reference={reference}");
        first.QuerySelectorAll("#audit-log tbody tr").Length.ShouldBe(50);
        first.QuerySelector("#audit-log tbody tr td:last-child")!.TextContent.ShouldBe("view 54");
        var older = first.QuerySelector("a[rel=next]").ShouldNotBeNull().GetAttribute("href")!;
        older.ShouldBe($"/console/audit?reference={reference}&pageNumber=2");

        var (_, second) = await administrator.GetPage(older);
        second.QuerySelectorAll("#audit-log tbody tr").Select(row => row.QuerySelector("td:last-child")!.TextContent)
            .ShouldBe(["view 4", "view 3", "view 2", "view 1", "view 0"]);
        second.QuerySelector("a[rel=next]").ShouldBeNull();
        second.QuerySelector("a[rel=prev]").ShouldNotBeNull();
    }

    [Test]
    public async Task TheExportIsTheFilteredLogAsCsvWithFormulasMadeTextAndIsItselfAudited()
    {
        var (reference, reportId) = await NewReport();
        var responder = await ConsoleAccounts.Create(_portal);
        await Write(new AuditEntry(AuditAction.CaseTaken, responder.Id, reportId));
        await Write(new AuditEntry(AuditAction.CaseReferred, responder.Id, reportId, Detail: "=HYPERLINK(\"http://evil.example\",\"x\")"));
        var admin = await ConsoleAccounts.Create(_portal, administrator: true);
        using var administrator = _portal.NewSession();
        (await administrator.SignInToConsole(admin)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await administrator.Get($"/console/audit?handler=csv&reference={reference}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("\"time_utc\",\"actor\",\"action\",\"reference\",\"subject_account\",\"detail\"");
        lines.Length.ShouldBe(4, "the header, the export's own line (written first) and the report's two lines");
        lines[1].ShouldEndWith($",\"{admin.Email}\",\"AuditExported\",\"{reference}\",\"\",\"reference={reference}\"");
        lines[2].ShouldEndWith($",\"{responder.Email}\",\"CaseReferred\",\"{reference}\",\"\",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"");
        lines[3].ShouldEndWith($",\"{responder.Email}\",\"CaseTaken\",\"{reference}\",\"\",\"\"");
        lines[1].ShouldMatch("^\"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\",");

        await using var connection = await TestDatabase.OpenDatabase(_portal.ConnectionString);
        var exported = await connection.QuerySingleAsync<(long? ReportId, string Detail)>(
            "select report_id, detail from audit_log where action = @Action and actor_account_id = @Id",
            new { Action = AuditAction.AuditExported.Stored(), admin.Id });
        exported.ReportId.ShouldBe(reportId);
        exported.Detail.ShouldBe($"reference={reference}");
    }

    [TestCase("action=Nonsense")]
    [TestCase("from=yesterday")]
    [TestCase("account=someone")]
    [TestCase("pageNumber=0")]
    public async Task AFilterThatIsNotValidIsABadRequestWithAMessage(string query)
    {
        using var administrator = await SignedIn(administrator: true);

        var (response, page) = await administrator.GetPage($"/console/audit?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        page.QuerySelector(".error-summary").ShouldNotBeNull().TextContent.ShouldContain("not valid");
    }

    [TestCase("/console/audit")]
    [TestCase("/console/audit?handler=csv")]
    public async Task AResponderWhoIsNotAnAdministratorCannotReadOrExportTheLog(string path)
    {
        using var responder = await SignedIn(administrator: false);

        var response = await responder.Get(path);

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        if (response.StatusCode == HttpStatusCode.Redirect)
            response.Headers.Location!.OriginalString.ShouldNotStartWith("/console/audit");
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("audit-log");
    }

    [Test]
    public async Task SomeoneNotSignedInIsSentToSignIn()
    {
        using var stranger = _portal.NewSession();

        var response = await stranger.Get("/console/audit?handler=csv");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("/console/sign-in?ReturnUrl=");
    }

    private async Task<PortalSession> SignedIn(bool administrator)
    {
        var session = _portal.NewSession();
        (await session.SignInToConsole(await ConsoleAccounts.Create(_portal, administrator))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return session;
    }

    private async Task<(string Reference, long ReportId)> NewReport()
    {
        using var reporter = _portal.NewSession();
        var receipt = await reporter.SubmitReport(ReportAnswers.Anonymous());
        await using var connection = await TestDatabase.OpenDatabase(_portal.ConnectionString);
        return (receipt.Reference, await connection.ExecuteScalarAsync<long>("select id from reports where reference = @Reference", new { receipt.Reference }));
    }

    private async Task Write(AuditEntry entry)
    {
        await using var connection = await TestDatabase.OpenDatabase(_portal.ConnectionString);
        await AuditLog.Write(connection, null, entry, CancellationToken.None);
    }

    private static async Task<IReadOnlyList<string>> Actions(PortalSession session, string query)
    {
        var (response, page) = await session.GetPage($"/console/audit?{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return page.QuerySelectorAll("#audit-log tbody tr td:nth-child(3)").Select(cell => cell.TextContent.Trim()).ToList();
    }
}
