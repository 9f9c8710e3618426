using System.Net;

namespace ReportingPortal.IntegrationTests.RateLimiting;

/// <summary>A portal with small limits behind a trusted proxy, so each test plays its own client addresses.</summary>
public sealed class RateLimitTests
{
    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal() => _portal = await Portal.Start(new Dictionary<string, string>
    {
        ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
        // Only the send of a report counts against this limit, however many steps were posted before it.
        ["RateLimits__Reports__PermitLimit"] = "4",
        ["RateLimits__Reports__Window"] = "01:00:00",
        ["RateLimits__UnverifiedReports__PermitLimit"] = "2",
        ["RateLimits__UnverifiedReports__Window"] = "01:00:00",
        ["RateLimits__Challenges__PermitLimit"] = "5",
        ["RateLimits__Challenges__Window"] = "01:00:00",
        ["RateLimits__Guesses__PermitLimit"] = "3",
        ["RateLimits__Guesses__Window"] = "01:00:00",
    });

    [OneTimeTearDown]
    public async Task Stop() => await _portal.DisposeAsync();

    [Test]
    public async Task AClientSendingTooManyReportsGetsAKind429WithRetryAfterWhileOthersCarryOn()
    {
        using var flooder = _portal.NewSession().Through("203.0.113.10");
        for (var i = 0; i < 4; i++)
            (await flooder.SendReport(ReportAnswers.Anonymous($"Flood {i}."))).StatusCode.ShouldBe(HttpStatusCode.SeeOther);

        var refused = await flooder.SendReport(ReportAnswers.Anonymous("Flood over the limit."));

        await ShouldBeKind429(refused);
        (await StoredReport.CountWithDescription("Flood over the limit.", _portal.ConnectionString)).ShouldBe(0);
        (await flooder.Get("/report")).StatusCode.ShouldBe(HttpStatusCode.OK, "reading the form is not limited");
        using var someoneElse = _portal.NewSession().Through("203.0.113.11");
        (await someoneElse.SendReport(ReportAnswers.Anonymous("Another client."))).StatusCode.ShouldBe(HttpStatusCode.SeeOther);
    }

    [Test]
    public async Task ReportsWithoutASolvedCaptchaHaveAStricterLimit()
    {
        using var noScript = _portal.NewSession().Through("203.0.113.20");
        for (var i = 0; i < 2; i++)
            (await SendWithoutCaptcha(noScript, $"No JavaScript {i}.")).StatusCode.ShouldBe(HttpStatusCode.SeeOther);

        await ShouldBeKind429(await SendWithoutCaptcha(noScript, "No JavaScript over the limit."));
        (await StoredReport.CountWithDescription("No JavaScript over the limit.", _portal.ConnectionString)).ShouldBe(0);

        (await noScript.SendReport(ReportAnswers.Anonymous("Solved the captcha after all."))).StatusCode.ShouldBe(HttpStatusCode.SeeOther);
    }

    [Test]
    public async Task CaptchaChallengesAreLimited()
    {
        using var client = _portal.NewSession().Through("203.0.113.30");
        for (var i = 0; i < 5; i++)
            (await client.Get("/captcha/challenge")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await ShouldBeKind429(await client.Get("/captcha/challenge"));
    }

    [Test]
    public async Task ConsoleSignInAttemptsFromOneAddressAreLimitedEvenWithTheRightPassword()
    {
        var account = await ConsoleAccounts.Create(_portal);
        using var guesser = _portal.NewSession().Through("203.0.113.40");
        for (var i = 0; i < 3; i++)
            (await guesser.SignInToConsole($"someone-{i}@example.org", "guess " + i, "123456")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await ShouldBeKind429(await guesser.SignInToConsole(account));
    }

    [Test]
    public async Task WithoutATrustedProxyAClientCannotChooseItsOwnAddress()
    {
        await using var direct = await Portal.Start(new Dictionary<string, string> { ["RateLimits__Challenges__PermitLimit"] = "2" });
        for (var i = 0; i < 2; i++)
        {
            using var client = direct.NewSession().Through($"203.0.113.{50 + i}");
            (await client.Get("/captcha/challenge")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var pretender = direct.NewSession().Through("203.0.113.99");
        (await pretender.Get("/captcha/challenge")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    private static async Task<HttpResponseMessage> SendWithoutCaptcha(PortalSession session, string description)
    {
        var fields = await session.FillReportForm(ReportAnswers.Anonymous(description));
        fields.Remove("altcha");
        return await session.Post("/report", fields);
    }

    public static async Task ShouldBeKind429(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter.ShouldNotBeNull();
        response.Headers.RetryAfter.Delta!.Value.ShouldBeGreaterThan(TimeSpan.Zero);
        var page = await PortalSession.Parse(response);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Please wait a moment");
        page.Body!.TextContent.ShouldContain("If a child is in danger right now, call the emergency number");
    }
}
