using System.Globalization;
using System.Resources;
using Microsoft.Playwright;

namespace ReportingPortal.IntegrationTests.Browser;

[Category("Browser")]
public sealed class ReportFlowTests
{
    private static readonly ResourceManager Text =
        new("ReportingPortal.Core.Resources.SharedResource", typeof(ReportingPortal.Core.SharedResource).Assembly);

    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal() => _portal = await Portal.Shared();

    private static string Say(string key, string language) => Text.GetString(key, CultureInfo.GetCultureInfo(language))!;

    private static async Task Continue(IPage page) => await page.ClickAsync("form button[name=Go][value=next]");

    [Test]
    public async Task AChildCompletesAReportInArabicWithSimplerWordsAndARightToLeftLayout()
    {
        await using var browser = await Browsers.Open(_portal.Address, "ar", width: 360);
        var page = await browser.NewPage();

        await page.GotoAsync("/report");
        (await page.GetAttributeAsync("html", "dir")).ShouldBe("rtl");
        (await page.GetAttributeAsync("html", "lang")).ShouldBe("ar");
        await page.CheckAsync("#Form_ReporterRole_ChildAboutThemselves");
        await Continue(page);
        (await page.TextContentAsync("body"))!.ShouldContain(Say("Form.NoImages.Child", "ar"));
        await page.CheckAsync("#Form_Category_Sextortion");
        await page.FillAsync("#Form_Description", "شخص يهددني بنشر صوري إذا لم أرسل المزيد.");
        await Continue(page);
        await page.FillAsync("#Form_Platform", "تطبيق دردشة");
        await page.CheckAsync("#Form_When_ThisWeek");
        await Continue(page);
        await page.CheckAsync("#Form_ChildAge_From13To15");
        await page.CheckAsync("#Form_ChildInDanger_No");
        await Continue(page);
        await page.CheckAsync("#Form_Contact_Anonymous");
        await Continue(page);
        var check = (await page.TextContentAsync("main"))!;
        check.ShouldContain("شخص يهددني بنشر صوري");
        check.ShouldContain(Say("Form.Category.Sextortion", "ar"));
        await page.ClickAsync("button[name=Go][value=send]");

        await page.WaitForURLAsync("**/report/receipt");
        (await page.TextContentAsync("#reference"))!.Trim().ShouldMatch("^RP-[0-9A-Z]{4}-[0-9A-Z]{4}$");
        (await page.TextContentAsync("main"))!.ShouldContain(Say("Receipt.Thanks.Child", "ar"));
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360, "nothing wider than a 360 px screen");
        browser.OtherHosts.ShouldBeEmpty();
    }

    [Test]
    public async Task AnAdultCompletesAReportChangesAnAnswerAndGetsTheAcknowledgement()
    {
        await using var browser = await Browsers.Open(_portal.Address, "en");
        var page = await browser.NewPage();
        var address = $"browser-{Guid.NewGuid():N}@family.example";

        await page.GotoAsync("/");
        await page.ClickAsync("text=Start a report");
        await page.CheckAsync("#Form_ReporterRole_OtherAdult");
        await Continue(page);
        await Continue(page);
        (await page.TextContentAsync(".error-summary"))!.ShouldContain("Please choose what happened.");
        await Assertions.Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await page.ClickAsync(".error-summary a");
        await page.CheckAsync("#Form_Category_AbuseMaterialOnline");
        await page.FillAsync("#Form_Description", "A video of a child on a file sharing site.");
        await Continue(page);
        await page.FillAsync("#Form_Urls", "https://files.example/v/123");
        await page.SelectOptionAsync("#Form_Country", "CA");
        await page.CheckAsync("#Form_When_Today");
        await Continue(page);
        await page.CheckAsync("#Form_ChildAge_UpTo5");
        await page.CheckAsync("#Form_ChildInDanger_NotSure");
        await Continue(page);
        await page.CheckAsync("#Form_Contact_Email");
        await page.FillAsync("#Form_ContactEmail", address);
        await Continue(page);
        await page.ClickAsync("button[value='change:what']");
        await page.FillAsync("#Form_Description", "A video of a young child on a file sharing site.");
        await Continue(page);
        await Continue(page);
        await Continue(page);
        await Continue(page);
        (await page.TextContentAsync("main"))!.ShouldContain("A video of a young child on a file sharing site.");
        await page.ClickAsync("button[name=Go][value=send]");

        await page.WaitForURLAsync("**/report/receipt");
        var reference = (await page.TextContentAsync("#reference"))!.Trim();
        (await page.TextContentAsync(".emergency"))!.ShouldContain("Kids Help Phone", customMessage: "help for the country given (Canada)");
        // The page's script reveals the copy button; the expectation retries until it has.
        await Assertions.Expect(page.Locator("button[data-copy]")).ToBeVisibleAsync();
        var acknowledgement = await TestRun.Smtp.WaitForMessagesTo(address);
        acknowledgement.Single(message => SmtpServer.IsTo(message, address)).Subject!.ShouldContain(reference);
        browser.OtherHosts.ShouldBeEmpty();
    }

    [Test]
    public async Task AReportCanBeSentWithJavaScriptTurnedOff()
    {
        await using var browser = await Browsers.Open(_portal.Address, "fr", javaScript: false);
        var page = await browser.NewPage();

        await page.GotoAsync("/report");
        await page.CheckAsync("#Form_ReporterRole_ParentOrCaregiver");
        await Continue(page);
        await page.CheckAsync("#Form_Category_Grooming");
        await page.FillAsync("#Form_Description", "Un adulte écrit à ma fille tous les soirs et lui demande de garder le secret.");
        await Continue(page);
        await page.CheckAsync("#Form_When_Ongoing");
        await Continue(page);
        await page.CheckAsync("#Form_ChildAge_From10To12");
        await page.CheckAsync("#Form_ChildInDanger_No");
        await Continue(page);
        await page.CheckAsync("#Form_Contact_Anonymous");
        await Continue(page);
        await page.ClickAsync("button[name=Go][value=send]");

        await page.WaitForURLAsync("**/report/receipt");
        var reference = (await page.TextContentAsync("#reference"))!.Trim();
        (await StoredReport.Load(reference)).description.ShouldStartWith("Un adulte écrit à ma fille");
        (await StoredReport.Load(reference)).language.ShouldBe("fr");
        (await page.IsVisibleAsync("button[data-copy]")).ShouldBeFalse("without scripts there is no copy button to fail");
    }

    [Test]
    public async Task ChangingLanguageOnTheFormKeepsTheAnswers()
    {
        await using var browser = await Browsers.Open(_portal.Address, "en");
        var page = await browser.NewPage();

        await page.GotoAsync("/report");
        await page.CheckAsync("#Form_ReporterRole_ParentOrCaregiver");
        await Continue(page);
        await page.CheckAsync("#Form_Category_Grooming");
        await page.FillAsync("#Form_Description", "Kept across languages.");
        await page.ClickAsync("button[value='language:es']");

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        (await page.InputValueAsync("#Form_Description")).ShouldBe("Kept across languages.");
        (await page.IsCheckedAsync("#Form_Category_Grooming")).ShouldBeTrue();
    }

    [Test]
    public async Task TheFirstStepCanBeAnsweredWithTheKeyboardAlone()
    {
        await using var browser = await Browsers.Open(_portal.Address, "en");
        var page = await browser.NewPage();
        await page.GotoAsync("/report");

        await page.FocusAsync("#Form_ReporterRole_ChildAboutThemselves");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForSelectorAsync("#Form_Category_Grooming");
        (await page.InputValueAsync("input[type=hidden][name='Form.ReporterRole']")).ShouldBe("ChildAboutSomeoneElse");
    }

    [Test]
    public async Task TheSelfHostedCaptchaSolvesInTheBrowserUnderTheStrictContentSecurityPolicy()
    {
        await using var browser = await Browsers.Open(_portal.Address, "en");
        var page = await browser.NewPage();
        var refusedByPolicy = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                refusedByPolicy.Add(message.Text);
        };
        var documents = new List<IResponse>();
        page.Response += (_, response) =>
        {
            if (response.Request.ResourceType == "document")
                documents.Add(response);
        };

        var form = await page.GotoAsync("/report");
        (await form!.HeaderValueAsync("content-security-policy")).ShouldNotBeNull("the form is served under a policy");
        await TheStrictPolicyBlocksAnInjectedInlineScript(page);
        refusedByPolicy.ShouldHaveSingleItem("the browser reported the blocked script").ShouldContain("script-src");
        refusedByPolicy.Clear();
        await page.CheckAsync("#Form_ReporterRole_OtherAdult");
        await Continue(page);
        await page.CheckAsync("#Form_Category_Other");
        await page.FillAsync("#Form_Description", "Solved by the widget in a real browser.");
        await Continue(page);
        await page.CheckAsync("#Form_When_NotSure");
        await Continue(page);
        await page.CheckAsync("#Form_ChildAge_NotSure");
        await page.CheckAsync("#Form_ChildInDanger_No");
        await Continue(page);
        await page.CheckAsync("#Form_Contact_Anonymous");
        await Continue(page);
        await page.ClickAsync("altcha-widget input[type=checkbox]");
        await page.WaitForFunctionAsync("() => document.querySelector(\"input[name=altcha]\")?.value?.length > 0");
        await page.ClickAsync("button[name=Go][value=send]");

        await page.WaitForURLAsync("**/report/receipt");
        var reference = (await page.TextContentAsync("#reference"))!.Trim();
        (await StoredReport.Load(reference)).captcha_verified.ShouldBe(true);
        refusedByPolicy.ShouldBeEmpty();
        browser.OtherHosts.ShouldBeEmpty();
        documents.Count.ShouldBeGreaterThanOrEqualTo(7, "the form's steps and the receipt");
        foreach (var document in documents)
        {
            var policy = (await document.HeaderValueAsync("content-security-policy")).ShouldNotBeNull(document.Url);
            policy.ShouldContain("script-src 'self'", customMessage: document.Url);
            policy.ShouldNotContain("unsafe-inline", customMessage: document.Url);
        }
    }

    /// <summary>A script written into the page, as an injection would be, does not run and is reported as a violation.</summary>
    private static async Task TheStrictPolicyBlocksAnInjectedInlineScript(IPage page)
    {
        await page.EvaluateAsync("""
            () => {
                window.violations = [];
                document.addEventListener('securitypolicyviolation', event => window.violations.push(event.violatedDirective));
                const script = document.createElement('script');
                script.textContent = 'window.injectedScriptRan = true;';
                document.body.appendChild(script);
            }
            """);
        await page.WaitForFunctionAsync("() => window.violations.length > 0", null, new PageWaitForFunctionOptions { Timeout = 5000 });
        (await page.EvaluateAsync<string[]>("() => window.violations")).ShouldAllBe(directive => directive.StartsWith("script-src"));
        (await page.EvaluateAsync<bool>("() => window.injectedScriptRan === true")).ShouldBeFalse("the inline script was blocked");
    }
}
