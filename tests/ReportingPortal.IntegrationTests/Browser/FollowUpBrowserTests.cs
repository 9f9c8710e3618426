using Microsoft.Playwright;

namespace ReportingPortal.IntegrationTests.Browser;

/// <summary>The follow-up pages in a browser, in every language: accessible, on a small screen, loading nothing from elsewhere.</summary>
[Category("Browser")]
public sealed class FollowUpBrowserTests
{
    private static readonly string[] Languages = ["en", "fr", "es", "ar"];

    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal() => _portal = await Portal.Shared();

    [TestCaseSource(nameof(Languages))]
    public async Task TheFollowUpPagesPassAxeFitA360PixelScreenAndLoadNothingFromElsewhere(string language)
    {
        using var reporter = _portal.NewSession();
        reporter.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var receipt = await reporter.SubmitReport(ReportAnswers.Anonymous().With("ReporterRole", "ChildAboutThemselves"));
        await using var browser = await Browsers.Open(_portal.Address, language, width: 360);
        var page = await browser.NewPage();
        var problems = new List<string>();

        await page.GotoAsync("/");
        await page.ClickAsync(".site-nav a[href='/follow-up']");
        await page.WaitForURLAsync("**/follow-up");
        problems.AddRange(await AxeChecks.Violations(page, "/follow-up"));
        await page.FillAsync("#Reference", receipt.Reference.ToLowerInvariant());
        await page.FillAsync("#AccessCode", "0000-0000-0000-0000");
        await CaptchaWidget.Solve(page);
        await page.ClickAsync("#follow-up-form button[type=submit]");
        problems.AddRange(await AxeChecks.Violations(page, "/follow-up, not right"));
        (await page.InputValueAsync("#AccessCode")).ShouldBeEmpty();

        await page.FillAsync("#AccessCode", receipt.AccessCode);
        await CaptchaWidget.Solve(page);
        await page.ClickAsync("#follow-up-form button[type=submit]");
        await page.WaitForURLAsync("**/follow-up/report");
        problems.AddRange(await AxeChecks.Violations(page, "/follow-up/report"));
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);
        (await page.GetAttributeAsync("html", "dir")).ShouldBe(language == "ar" ? "rtl" : "ltr");
        (await page.GetAttributeAsync("html", "lang")).ShouldBe(language, "the report's own language");

        await page.ClickAsync("#reply-form button[type=submit]");
        problems.AddRange(await AxeChecks.Violations(page, "/follow-up/report with an error"));
        await page.FillAsync("#Reply_Message", "I remembered something else.");
        await page.ClickAsync("#reply-form button[type=submit]");
        await page.WaitForURLAsync("**/follow-up/report?sent=true");
        problems.AddRange(await AxeChecks.Violations(page, "/follow-up/report after a reply"));
        await page.ClickAsync("form.leave-form button[type=submit]");
        await page.WaitForURLAsync("**/follow-up?left=true");

        problems.ShouldBeEmpty();
        browser.OtherHosts.ShouldBeEmpty("the follow-up pages load nothing from other hosts");
    }
}
