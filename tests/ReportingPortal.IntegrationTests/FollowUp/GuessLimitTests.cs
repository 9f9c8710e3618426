using System.Net;

namespace ReportingPortal.IntegrationTests.FollowUp;

/// <summary>Access codes tried from one client: the guess limit, and the stricter one for tries without a solved captcha.</summary>
public sealed class GuessLimitTests
{
    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal() => _portal = await Portal.Start(new Dictionary<string, string>
    {
        ["RateLimits__Guesses__PermitLimit"] = "6",
        ["RateLimits__UnverifiedGuesses__PermitLimit"] = "2",
    });

    [OneTimeTearDown]
    public async Task StopPortal() => await _portal.DisposeAsync();

    [Test]
    public async Task TriesWithoutACaptchaMeetTheStricterLimitFirstAndEveryTryMeetsTheGuessLimit()
    {
        using var client = _portal.NewSession();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 3; i++)
            statuses.Add((await client.OpenFollowUp(ReceiptCodes.NewReference(), "ABCD-EFGH-JKMN-PQRS", solveCaptcha: false)).StatusCode);
        for (var i = 0; i < 4; i++)
            statuses.Add((await client.OpenFollowUp(ReceiptCodes.NewReference(), "ABCD-EFGH-JKMN-PQRS")).StatusCode);

        statuses.ShouldBe([
            HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests,
            HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests,
        ]);
        (await client.Get("/follow-up")).StatusCode.ShouldBe(HttpStatusCode.OK, "reading the page is not a guess");
    }
}
