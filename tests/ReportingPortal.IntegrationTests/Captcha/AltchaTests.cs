using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace ReportingPortal.IntegrationTests.Captcha;

/// <summary>The self-hosted captcha (the default), driven as its browser widget drives it.</summary>
public sealed class AltchaTests
{
    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal() => _portal = await Portal.Shared();

    [Test]
    public async Task TheChallengeIsSignedWithTheServerKeyAndCarriesItsExpiry()
    {
        using var visitor = _portal.NewSession();

        var challenge = await AltchaSolver.Fetch(visitor.Client, "/captcha/challenge");

        challenge.Algorithm.ShouldBe("SHA-256");
        challenge.MaxNumber.ShouldBe(2000);
        challenge.Hash.ShouldMatch("^[0-9a-f]{64}$");
        challenge.Signature.ShouldBe(Sign(challenge.Hash));
        var expires = long.Parse(challenge.Salt.Split("?expires=")[1].TrimEnd('&'), CultureInfo.InvariantCulture);
        DateTimeOffset.FromUnixTimeSeconds(expires).ShouldBe(DateTimeOffset.UtcNow.AddMinutes(20), TimeSpan.FromMinutes(1));
        AltchaSolver.Solve(challenge).ShouldBeInRange(0, 2000);
    }

    [Test]
    public async Task TheReportFormShowsTheWidgetServedByThePortalItself()
    {
        using var visitor = _portal.NewSession();

        var page = await visitor.OpenReportFormPage();

        var widget = page.QuerySelector("form altcha-widget").ShouldNotBeNull();
        widget.GetAttribute("challengeurl").ShouldBe("/captcha/challenge");
        widget.GetAttribute("name").ShouldBe("altcha");
        var script = page.QuerySelector("script[type=module]")!.GetAttribute("src")!;
        script.ShouldStartWith("/lib/altcha/altcha");
        script.ShouldEndWith(".js");
        (await visitor.Get(script)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await visitor.Get("/lib/altcha/worker.js")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await visitor.Get(page.QuerySelector("link[href^='/lib/altcha/altcha'][href$='.css']")!.GetAttribute("href")!)).StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("noscript")!.TextContent.ShouldContain("You can still send your report");
    }

    [Test]
    public async Task ASolvedCaptchaIsRecordedWithTheReport()
    {
        using var visitor = _portal.NewSession();

        var receipt = await visitor.SubmitReport(ReportAnswers.Anonymous("Captcha solved."));

        var stored = await StoredReport.Load(receipt.Reference);
        stored.captcha_verified.ShouldBe(true);
        stored.honeypot_filled.ShouldBe(false);
        stored.seconds_to_fill.ShouldNotBeNull().ShouldBeInRange(0, 60);
    }

    [Test]
    public async Task AReportSentWithoutJavaScriptIsAcceptedAndMarkedUnverified()
    {
        using var visitor = _portal.NewSession();
        var fields = await visitor.FillReportForm(ReportAnswers.Anonymous("Sent from a browser without JavaScript."));
        fields.Remove("altcha");

        var receipt = await visitor.ReadReceipt(await visitor.Post("/report", fields));

        (await StoredReport.Load(receipt.Reference)).captcha_verified.ShouldBe(false);
    }

    [Test]
    public async Task ASolutionUsedForOneFormIsRefusedForAnother()
    {
        using var visitor = _portal.NewSession();
        var first = await visitor.FillReportForm(ReportAnswers.Anonymous("First form with a solution."));
        await visitor.ReadReceipt(await visitor.Post("/report", first));
        var second = await visitor.FillReportForm(ReportAnswers.Anonymous("Second form replaying it."));
        second["altcha"] = first["altcha"];

        var response = await visitor.Post("/report", second);

        await ShouldBeRefused(response, "Second form replaying it.");
    }

    [Test]
    public async Task ASolutionIsRefusedByAnotherPortalInstanceToo()
    {
        await using var other = await _portal.StartAnother();
        using var visitor = _portal.NewSession();
        var first = await visitor.FillReportForm(ReportAnswers.Anonymous("Solution used on instance one."));
        await visitor.ReadReceipt(await visitor.Post("/report", first));
        using var elsewhere = other.NewSession();
        var second = await elsewhere.FillReportForm(ReportAnswers.Anonymous("Replayed on instance two."));
        second["altcha"] = first["altcha"];

        await ShouldBeRefused(await elsewhere.Post("/report", second), "Replayed on instance two.");
    }

    private static readonly object[] BadSolutions =
    [
        new object[] { "a wrong number", (Func<AltchaSolver.Challenge, string>)(c => AltchaSolver.Payload(c, AltchaSolver.Solve(c) + 1)) },
        new object[] { "an expired challenge", (Func<AltchaSolver.Challenge, string>)(_ => SolvedChallenge(DateTimeOffset.UtcNow.AddSeconds(-5), AltchaKeyBytes)) },
        new object[] { "a challenge signed with another site's key", (Func<AltchaSolver.Challenge, string>)(_ => SolvedChallenge(DateTimeOffset.UtcNow.AddMinutes(5), RandomNumberGenerator.GetBytes(32))) },
        new object[] { "a forged signature", (Func<AltchaSolver.Challenge, string>)(c => AltchaSolver.Payload(c, AltchaSolver.Solve(c), signature: new string('a', 64))) },
        new object[] { "digits moved from the number into the salt", (Func<AltchaSolver.Challenge, string>)(c => MoveDigitIntoSalt(c)) },
        new object[] { "another algorithm", (Func<AltchaSolver.Challenge, string>)(c => AltchaSolver.Solved(c with { Algorithm = "SHA-1" })) },
        new object[] { "something that is not base64", (Func<AltchaSolver.Challenge, string>)(_ => "not base64 at all!") },
        new object[] { "base64 that is not JSON", (Func<AltchaSolver.Challenge, string>)(_ => Convert.ToBase64String("<script>"u8.ToArray())) },
        new object[] { "an enormous payload", (Func<AltchaSolver.Challenge, string>)(_ => new string('A', 100_000)) },
    ];

    [TestCaseSource(nameof(BadSolutions))]
    public async Task ABadSolutionIsRefusedKindlyAndTheFormKeepsWhatWasTyped(string why, Func<AltchaSolver.Challenge, string> payload)
    {
        using var visitor = _portal.NewSession();
        var description = $"Bad captcha: {why}.";
        var fields = await visitor.FillReportForm(ReportAnswers.Anonymous(description));
        fields["altcha"] = payload(await AltchaSolver.Fetch(visitor.Client, "/captcha/challenge"));

        var response = await visitor.Post("/report", fields);

        var page = await ShouldBeRefused(response, description);
        page.QuerySelector("input[type=hidden][name='Form.Description']")!.GetAttribute("value").ShouldBe(description,
            "the check step shows again with every answer kept");
    }

    [Test]
    public async Task TheHoneypotAndTheFillTimeAreRecordedNotRefused()
    {
        using var visitor = _portal.NewSession();
        var fields = await visitor.FillReportForm(ReportAnswers.Anonymous("A bot filled the trap field."));
        fields["Form.Website"] = "https://spam.example";
        fields["Form.OpenedAt"] = "forged";

        var receipt = await visitor.ReadReceipt(await visitor.Post("/report", fields));

        var stored = await StoredReport.Load(receipt.Reference);
        stored.honeypot_filled.ShouldBe(true);
        stored.seconds_to_fill.ShouldBeNull("a forged timestamp counts as unknown");
        stored.captcha_verified.ShouldBe(true);
    }

    [Test]
    public async Task ResponderEmailsShowTheSignalsUnderTheirOwnHeading()
    {
        using var visitor = _portal.NewSession();
        var fields = await visitor.FillReportForm(ReportAnswers.Anonymous("Signals for responders."));
        fields.Remove("altcha");
        fields["Form.Website"] = "filled";

        var receipt = await visitor.ReadReceipt(await visitor.Post("/report", fields));

        var messages = await TestRun.Smtp.WaitFor(all => all.Any(message => message.Subject!.Contains(receipt.Reference)));
        var text = messages.First(message => message.Subject!.Contains(receipt.Reference)).TextBody ?? "";
        text.ShouldContain("Signals\n-------");
        text.ShouldContain("Captcha: not solved: sent without JavaScript, or the check could not run");
        text.ShouldContain("Hidden trap field: filled in");
        text.ShouldMatch(@"Time taken to fill in the form: \d+ seconds");
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> ShouldBeRefused(HttpResponseMessage response, string description)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PortalSession.Parse(response);
        page.QuerySelector(".error-summary a[href='#captcha']").ShouldNotBeNull().TextContent
            .ShouldContain("The check that a person is sending this form did not work");
        page.QuerySelector("altcha-widget").ShouldNotBeNull("a fresh challenge is offered");
        (await StoredReport.CountWithDescription(description)).ShouldBe(0);
        return page;
    }

    private static byte[] AltchaKeyBytes => Convert.FromBase64String(Portal.AltchaKey);

    private static string Sign(string hash, byte[]? key = null) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key ?? AltchaKeyBytes, Encoding.ASCII.GetBytes(hash)));

    private static string SolvedChallenge(DateTimeOffset expires, byte[] key)
    {
        var salt = $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}?expires={expires.ToUnixTimeSeconds()}&";
        const int number = 42;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(salt + number)));
        return AltchaSolver.Payload(new AltchaSolver.Challenge("SHA-256", hash, 2000, salt, Sign(hash, key)), number);
    }

    private static string MoveDigitIntoSalt(AltchaSolver.Challenge challenge)
    {
        var number = AltchaSolver.Solve(challenge).ToString(CultureInfo.InvariantCulture);
        if (number.Length < 2)
            return AltchaSolver.Payload(challenge, long.Parse(number, CultureInfo.InvariantCulture) + 1);
        // SHA-256(salt + number) still matches; a salt not ending where the server ended it is what gives this away.
        return AltchaSolver.Payload(challenge, long.Parse(number[1..], CultureInfo.InvariantCulture), salt: challenge.Salt + number[0]);
    }
}
