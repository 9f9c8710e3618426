using System.Net;

namespace ReportingPortal.IntegrationTests.Captcha;

/// <summary>The third-party captchas, each verified against a real HTTP server playing its siteverify API.</summary>
[TestFixture("recaptcha", "V2", "g-recaptcha-response")]
[TestFixture("recaptcha", "V2Invisible", "g-recaptcha-response")]
[TestFixture("recaptcha", "V3", "g-recaptcha-response")]
[TestFixture("turnstile", null, "cf-turnstile-response")]
[TestFixture("hcaptcha", null, "h-captcha-response")]
public sealed class SiteVerifyTests(string provider, string? version, string field)
{
    private const string Secret = "test-secret-key";
    private const string SiteKey = "test-site-key";

    private SiteVerifyServer _siteVerify = null!;
    private Portal _portal = null!;

    private string Section => provider switch { "recaptcha" => "Recaptcha", "turnstile" => "Turnstile", _ => "Hcaptcha" };

    [OneTimeSetUp]
    public async Task Start()
    {
        _siteVerify = new SiteVerifyServer();
        var settings = new Dictionary<string, string>
        {
            ["Captcha__Provider"] = provider,
            [$"Captcha__{Section}__SiteKey"] = SiteKey,
            [$"Captcha__{Section}__SecretKey"] = Secret,
            [$"Captcha__{Section}__VerifyUrl"] = _siteVerify.VerifyUrl,
        };
        if (version is not null)
            settings["Captcha__Recaptcha__Version"] = version;
        _portal = await Portal.Start(settings);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _portal.DisposeAsync();
        await _siteVerify.DisposeAsync();
    }

    [SetUp]
    public void ProviderIsUp() => _siteVerify.FailWith = null;

    [Test]
    public async Task TheFormShowsTheProvidersWidgetWithTheSiteKey()
    {
        using var visitor = _portal.NewSession();

        var page = await visitor.OpenReportFormPage();

        page.QuerySelector("altcha-widget").ShouldBeNull();
        page.QuerySelector($"form [data-sitekey='{SiteKey}']").ShouldNotBeNull();
        page.QuerySelectorAll("script[src]").Select(script => script.GetAttribute("src")).ShouldContain(src => src!.StartsWith("https://"));
    }

    [Test]
    public async Task AValidTokenMarksTheReportVerifiedAndTheReportersAddressIsNotSent()
    {
        var receipt = await Send(_siteVerify.Issue(), "Valid token.");

        var stored = await StoredReport.Load(receipt.ShouldNotBeNull().Reference, _portal.ConnectionString);
        stored.captcha_verified.ShouldBe(true);
        var request = _siteVerify.Requests.Last();
        request["secret"].ShouldBe(Secret);
        request.ShouldNotContainKey("remoteip");
    }

    [Test]
    public async Task AnExpiredTokenIsRefused() =>
        (await Send(_siteVerify.Issue(success: false, errors: "timeout-or-duplicate"), "Expired token.")).ShouldBeNull();

    [Test]
    public async Task ATokenUsedTwiceIsRefusedTheSecondTime()
    {
        var token = _siteVerify.Issue();
        (await Send(token, "Token first use.")).ShouldNotBeNull();

        (await Send(token, "Token replayed.")).ShouldBeNull();
    }

    [Test]
    public async Task ATamperedTokenIsRefused() =>
        (await Send(_siteVerify.Issue() + "x", "Tampered token.")).ShouldBeNull();

    [Test]
    public async Task ATokenSolvedOnAnotherSiteIsRefused() =>
        (await Send(_siteVerify.Issue(hostname: "phishing.example"), "Wrong hostname.")).ShouldBeNull();

    [Test]
    public async Task WhenTheProviderIsDownTheReportIsAcceptedUnverified()
    {
        _siteVerify.FailWith = HttpStatusCode.ServiceUnavailable;

        var receipt = await Send(_siteVerify.Issue(), "Provider down.");

        (await StoredReport.Load(receipt.ShouldNotBeNull().Reference, _portal.ConnectionString)).captcha_verified.ShouldBe(false);
    }

    [Test]
    public async Task AScoreBelowTheThresholdOrAnotherActionIsRefusedOnlyByRecaptchaV3()
    {
        var v3 = version == "V3";

        (await Send(_siteVerify.Issue(score: 0.2), "Low score.") is null).ShouldBe(v3);
        (await Send(_siteVerify.Issue(action: "login"), "Other action.") is null).ShouldBe(v3);
        (await Send(_siteVerify.Issue(score: 0.5), "Score at the threshold.")).ShouldNotBeNull();
    }

    /// <summary>Sends a report with the token; its receipt, or null when the form came back refusing the captcha.</summary>
    private async Task<Receipt?> Send(string token, string description)
    {
        using var visitor = _portal.NewSession();
        var page = await visitor.OpenReportFormPage();
        var fields = PortalSession.HiddenFields(page);
        foreach (var (name, value) in ReportAnswers.Anonymous(description))
            fields[name] = value;
        fields[field] = token;

        var response = await visitor.Post("/report", fields);

        if (response.StatusCode == HttpStatusCode.SeeOther)
            return await visitor.ReadReceipt(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PortalSession.Parse(response)).QuerySelector(".error-summary a[href='#captcha']").ShouldNotBeNull();
        return null;
    }
}
