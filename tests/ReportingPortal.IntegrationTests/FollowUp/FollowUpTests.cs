using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReportingPortal.Core.Audit;
using ReportingPortal.Core.FollowUp;
using ReportingPortal.Core.Storage;
using ReportingPortal.IntegrationTests.Cases;

namespace ReportingPortal.IntegrationTests.FollowUp;

/// <summary>A reporter comes back with the reference and access code: what opens the report, what does not, and what
/// the answers give away (nothing).</summary>
public sealed partial class FollowUpTests
{
    private const string NotRight = "The reference or the access code is not right.";

    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal() => _portal = await Portal.Shared();

    [Test]
    public async Task AReporterComesBackWithForgivingInputAndSeesTheStatusButNothingOfTheReport()
    {
        using var reporter = _portal.NewSession();
        var description = $"Words only the report holds {Guid.NewGuid():N}";
        var receipt = await reporter.SubmitReport(ReportAnswers.Anonymous(description));

        var page = await reporter.OpenReportAgain(Sloppy(receipt.Reference), Sloppy(receipt.AccessCode));

        page.QuerySelector("#reporter-reference")!.TextContent.Trim().ShouldBe(receipt.Reference);
        page.QuerySelector("#reporter-status")!.GetAttribute("data-status").ShouldBe(nameof(ReporterStatus.Received));
        page.QuerySelector("#reporter-status")!.TextContent.ShouldContain("received");
        page.QuerySelector(".reporter-view dd:nth-of-type(2)")!.TextContent.Trim()
            .ShouldBe(DateTime.UtcNow.ToString("D", System.Globalization.CultureInfo.GetCultureInfo("en")));
        var html = page.DocumentElement.OuterHtml;
        foreach (var fromTheReport in new[] { description, "social.example", "stranger123", "Example Social", "Lyon", receipt.AccessCode })
            html.ShouldNotContain(fromTheReport);
        (await StoredAudit.For(receipt.Reference)).ShouldContain(line => line.Action == AuditAction.ReporterOpenedReport && line.ActorAccountId == null);
    }

    [Test]
    public async Task AWrongReferenceAndAWrongCodeGetTheSameAnswer()
    {
        using var reporter = _portal.NewSession();
        var receipt = await reporter.SubmitReport(ReportAnswers.Anonymous());
        var wrongCode = OtherCode(receipt.AccessCode);
        var unknownReference = UnknownReference();

        var toWrongCode = await reporter.OpenFollowUp(receipt.Reference, wrongCode);
        var toWrongReference = await reporter.OpenFollowUp(unknownReference, receipt.AccessCode);

        toWrongCode.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        toWrongReference.StatusCode.ShouldBe(toWrongCode.StatusCode);
        var codePage = await toWrongCode.Content.ReadAsStringAsync();
        var referencePage = await toWrongReference.Content.ReadAsStringAsync();
        codePage.ShouldContain(NotRight);
        codePage.ShouldContain($"value=\"{receipt.Reference}\"", customMessage: "the reference is shown again as typed");
        codePage.ShouldNotContain(wrongCode);
        Normalised(referencePage, unknownReference).ShouldBe(Normalised(codePage, receipt.Reference));
        Math.Abs(codePage.Length - referencePage.Length).ShouldBeLessThan(8);
    }

    [Test]
    public async Task InputThatCannotBeAReferenceOrACodeGetsAKindHint()
    {
        using var reporter = _portal.NewSession();

        var badReference = await reporter.OpenFollowUp("hello", "ABCD-EFGH-JKMN-PQRS");
        var badCode = await reporter.OpenFollowUp(UnknownReference(), "1234");
        var odd = await reporter.Post("/follow-up", new Dictionary<string, string> { ["Reference"] = new string('\u202E', 5000) });

        badReference.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badReference.Content.ReadAsStringAsync()).ShouldContain("A reference looks like RP-7K4M-9QX2");
        badCode.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badCode.Content.ReadAsStringAsync()).ShouldContain("An access code has 16 letters and numbers");
        ((int)odd.StatusCode).ShouldBeInRange(400, 499);
    }

    [Test]
    public async Task TenWrongCodesLockAReferenceForEveryoneEvenWithTheRightCodeAndTheLockIsAudited()
    {
        using var reporter = _portal.NewSession();
        var receipt = await reporter.SubmitReport(ReportAnswers.Anonymous());
        var unknownReference = UnknownReference();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 9; i++)
            answers.Add((await reporter.OpenFollowUp(receipt.Reference, OtherCode(receipt.AccessCode), solveCaptcha: false)).StatusCode);
        var tenth = await reporter.OpenFollowUp(receipt.Reference, OtherCode(receipt.AccessCode), solveCaptcha: false);
        var eleventh = await reporter.OpenFollowUp(receipt.Reference, OtherCode(receipt.AccessCode), solveCaptcha: false);
        var rightCode = await reporter.OpenFollowUp(receipt.Reference, receipt.AccessCode);
        for (var i = 0; i < 9; i++)
            await reporter.OpenFollowUp(unknownReference, receipt.AccessCode, solveCaptcha: false);
        await reporter.OpenFollowUp(unknownReference, receipt.AccessCode, solveCaptcha: false);
        var unknownLocked = await reporter.OpenFollowUp(unknownReference, receipt.AccessCode);

        answers.ShouldAllBe(status => status == HttpStatusCode.BadRequest);
        foreach (var locked in new[] { tenth, eleventh, rightCode, unknownLocked })
        {
            locked.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            locked.Headers.RetryAfter.ShouldNotBeNull();
            (await locked.Content.ReadAsStringAsync()).ShouldContain("Please try again later");
        }
        Normalised(await unknownLocked.Content.ReadAsStringAsync(), "").ShouldBe(Normalised(await rightCode.Content.ReadAsStringAsync(), ""));
        (await StoredAudit.For(receipt.Reference)).Count(line => line.Action == AuditAction.AccessCodeLocked).ShouldBe(1);
        (await StoredAudit.For(receipt.Reference)).ShouldNotContain(line => line.Action == AuditAction.ReporterOpenedReport);
    }

    [Test]
    public async Task ALockEndsOnTimeAndOnlyWrongCodesWithinTheWindowCount()
    {
        using var reporter = _portal.NewSession();
        var receipt = await reporter.SubmitReport(ReportAnswers.Anonymous());
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = PortalServices.For(_portal, services => services.AddSingleton<TimeProvider>(clock));
        var check = services.GetRequiredService<AccessCodeCheck>();
        var wrong = OtherCode(receipt.AccessCode);

        for (var i = 0; i < 9; i++)
            (await check.Open(receipt.Reference, wrong, CancellationToken.None)).Result.ShouldBe(AccessCodeResult.Refused);
        clock.Advance(TimeSpan.FromMinutes(61));
        (await check.Open(receipt.Reference, wrong, CancellationToken.None)).Result.ShouldBe(AccessCodeResult.Refused,
            "the nine earlier wrong codes are out of the hour's window");
        for (var i = 0; i < 8; i++)
            await check.Open(receipt.Reference, wrong, CancellationToken.None);
        var locked = await check.Open(receipt.Reference, wrong, CancellationToken.None);
        locked.Result.ShouldBe(AccessCodeResult.Locked);
        locked.LockedUntil.ShouldBe(clock.GetUtcNow() + TimeSpan.FromHours(1));

        clock.Advance(TimeSpan.FromMinutes(59));
        (await check.Open(receipt.Reference, receipt.AccessCode, CancellationToken.None)).Result.ShouldBe(AccessCodeResult.Locked);
        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var opened = await check.Open(receipt.Reference, receipt.AccessCode, CancellationToken.None);
        opened.Result.ShouldBe(AccessCodeResult.Opened);
        opened.Language.ShouldBe("en");
    }

    [Test]
    public async Task GuessesSentAtOnceAreAllCounted()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = PortalServices.For(_portal, services => services.AddSingleton<TimeProvider>(clock));
        var check = services.GetRequiredService<AccessCodeCheck>();
        var reference = UnknownReference();

        var results = await Task.WhenAll(Enumerable.Range(0, 30)
            .Select(_ => check.Open(reference, "ABCD-EFGH-JKMN-PQRS", CancellationToken.None)));

        results.Count(result => result.Result == AccessCodeResult.Refused).ShouldBe(9);
        results.Count(result => result.Result == AccessCodeResult.Locked).ShouldBe(21);
    }

    [Test]
    public async Task ACaptchaSolutionCountsForOneTryOnly()
    {
        using var reporter = _portal.NewSession();
        var fields = await reporter.FillFollowUp(UnknownReference(), "ABCD-EFGH-JKMN-PQRS");
        var solution = fields["altcha"];

        var first = await reporter.OpenFollowUp(UnknownReference(), "ABCD-EFGH-JKMN-PQRS", solveCaptcha: false);
        var again = await reporter.FillFollowUp(UnknownReference(), "ABCD-EFGH-JKMN-PQRS", solveCaptcha: false);
        again["altcha"] = solution;
        var used = await reporter.Post("/follow-up", fields);
        var replayed = await reporter.Post("/follow-up", again);

        first.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await used.Content.ReadAsStringAsync()).ShouldContain(NotRight);
        replayed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var replayedPage = await replayed.Content.ReadAsStringAsync();
        replayedPage.ShouldContain("The check that a person is sending this did not work");
        replayedPage.ShouldNotContain(NotRight);
    }

    [Test]
    public async Task TheSessionCookieIsStrictAndEveryFollowUpPageIsNotStored()
    {
        using var reporter = _portal.NewSession();
        var receipt = await reporter.SubmitReport(ReportAnswers.Anonymous());

        var opened = await reporter.OpenFollowUp(receipt.Reference, receipt.AccessCode);

        var cookie = opened.Headers.GetValues("Set-Cookie").Single(header => header.StartsWith("rp-follow-up=", StringComparison.Ordinal));
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=strict", Case.Insensitive);
        cookie.ShouldNotContain("expires", Case.Insensitive);
        cookie.ShouldNotContain("max-age", Case.Insensitive);
        opened.Headers.Location!.ToString().ShouldNotContain(receipt.AccessCode);
        foreach (var path in new[] { "/follow-up", "/follow-up/report" })
        {
            var response = await reporter.Get(path);
            response.Headers.CacheControl!.NoStore.ShouldBeTrue(path);
        }
        opened.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Test]
    public async Task LeaveEndsTheSessionSoTheOldCookieOpensNothing()
    {
        using var reporter = _portal.NewSession();
        var receipt = await reporter.SubmitReport(ReportAnswers.Anonymous());
        await reporter.OpenReportAgain(receipt.Reference, receipt.AccessCode);
        var token = SessionToken(reporter);

        var left = await reporter.LeaveFollowUp();

        left.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        left.Headers.Location!.ToString().ShouldStartWith("/follow-up");
        var (after, page) = await reporter.GetPage(left.Headers.Location!.ToString());
        page.QuerySelector("[role=status]")!.TextContent.ShouldContain("You have left your report");
        (await WithCookie(token).Get("/follow-up/report")).Headers.Location!.ToString().ShouldBe("/follow-up");
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task TheQuickExitEndsTheSessionAndLeavesForTheNeutralSite()
    {
        using var reporter = _portal.NewSession();
        var receipt = await reporter.SubmitReport(ReportAnswers.Anonymous());
        await reporter.OpenReportAgain(receipt.Reference, receipt.AccessCode);
        var token = SessionToken(reporter);
        var (_, page) = await reporter.GetPage("/follow-up/report");

        var exit = await reporter.Get(page.QuerySelector("[data-quick-exit]")!.GetAttribute("href")!);

        exit.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        exit.Headers.Location!.ToString().ShouldBe("https://www.bbc.co.uk/weather");
        (await WithCookie(token).Get("/follow-up/report")).StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        (await reporter.Get("/follow-up/report")).Headers.Location!.ToString().ShouldBe("/follow-up");
        (await _portal.NewSession().Get("/exit")).StatusCode.ShouldBe(HttpStatusCode.SeeOther, "without a session too");
    }

    [Test]
    public async Task ASessionEndsAfterFifteenMinutesIdleAndTwoHoursInAll()
    {
        using var reporter = _portal.NewSession();
        var receipt = await reporter.SubmitReport(ReportAnswers.Anonymous());
        var reportId = await ReportId(receipt.Reference);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = PortalServices.For(_portal, services => services.AddSingleton<TimeProvider>(clock));
        var sessions = services.GetRequiredService<ReporterSessions>();

        var idle = await sessions.Start(reportId, CancellationToken.None);
        var busy = await sessions.Start(reportId, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(14));
        (await sessions.Find(busy, CancellationToken.None)).ShouldBe(reportId);
        clock.Advance(TimeSpan.FromMinutes(2));
        (await sessions.Find(idle, CancellationToken.None)).ShouldBeNull("sixteen minutes without use");
        for (var minutes = 16; minutes < 120; minutes += 10)
        {
            (await sessions.Find(busy, CancellationToken.None)).ShouldBe(reportId, $"used every ten minutes, at {minutes}");
            clock.Advance(TimeSpan.FromMinutes(10));
        }
        (await sessions.Find(busy, CancellationToken.None)).ShouldBeNull("two hours after the code was typed");
        (await sessions.Find("not a token", CancellationToken.None)).ShouldBeNull();
    }

    [Test]
    public async Task WithoutASessionTheReportPageGoesBackToTheStartAndSaysNothing()
    {
        using var visitor = _portal.NewSession();

        var response = await visitor.Get("/follow-up/report");
        var posted = await visitor.Post("/follow-up/report", new Dictionary<string, string> { ["Reply.Message"] = "hello" });
        var withJunk = await WithCookie("not-a-token").Get("/follow-up/report");

        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        response.Headers.Location!.ToString().ShouldBe("/follow-up");
        ((int)posted.StatusCode).ShouldBeInRange(300, 499);
        withJunk.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
    }

    /// <summary>How a person might type it back: lower case, spaces for dashes, O for 0 and l for 1.</summary>
    private static string Sloppy(string code) =>
        code.ToLowerInvariant().Replace('-', ' ').Replace('0', 'o').Replace('1', 'l');

    private static string OtherCode(string code) => code[0] == 'A' ? "B" + code[1..] : "A" + code[1..];

    private static string UnknownReference() => ReceiptCodes.NewReference();

    /// <summary>The page without the form's own tokens and without the reference echoed back.</summary>
    private static string Normalised(string html, string reference)
    {
        var withoutTokens = HiddenInput().Replace(html, "");
        return reference.Length == 0 ? withoutTokens : withoutTokens.Replace(reference, "REFERENCE", StringComparison.Ordinal);
    }

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();

    private string SessionToken(PortalSession session) =>
        session.Cookies.GetCookies(_portal.Address)["rp-follow-up"].ShouldNotBeNull().Value;

    private PortalSession WithCookie(string token)
    {
        var session = _portal.NewSession();
        session.Cookies.Add(_portal.Address, new Cookie("rp-follow-up", token));
        return session;
    }

    private static async Task<long> ReportId(string reference)
    {
        await using var connection = await TestDatabase.Open();
        return await connection.ExecuteScalarAsync<long>("select id from reports where reference = @reference", new { reference });
    }
}
