using Microsoft.Playwright;
using ReportingPortal.Core.Accounts;

namespace ReportingPortal.IntegrationTests.Browser;

/// <summary>The console's inbox and case page in Chromium: no axe violations, nothing from other hosts, usable from the keyboard.</summary>
[Category("Browser")]
public sealed class CasePagesBrowserTests
{
    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal() => _portal = await Portal.Shared();

    [Test]
    public async Task AResponderTakesACaseWithTheKeyboardAndAxeFindsNoViolationsOnTheInboxOrTheCasePage()
    {
        using var visitor = _portal.NewSession();
        var reference = (await visitor.SubmitReport(ReportAnswers.Anonymous("A neighbour films children in the courtyard.")
            .With("Category", "Other").With("ReporterRole", "OtherAdult"))).Reference;
        var account = await ConsoleAccounts.Create(_portal, administrator: false, ("child-welfare", QueueRole.Responder));
        await using var browser = await Browsers.Open(_portal.Address);
        var page = await browser.SignInToConsole(account);
        var problems = new List<string>();

        await page.GotoAsync("/console");
        problems.AddRange(await AxeChecks.Violations(page, "inbox"));
        await page.GotoAsync("/console?unassigned=true&priority=Normal");
        problems.AddRange(await AxeChecks.Violations(page, "filtered inbox"));
        await page.GotoAsync($"/console/cases/{reference}");
        problems.AddRange(await AxeChecks.Violations(page, "case page"));
        await page.FocusAsync("#take");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#take", new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached });
        (await page.TextContentAsync("#status")).ShouldBe("In progress");
        (await page.QuerySelectorAsync("#take")).ShouldBeNull();
        problems.AddRange(await AxeChecks.Violations(page, "case page, taken"));

        problems.ShouldBeEmpty();
        browser.OtherHosts.ShouldBeEmpty("the console loads nothing from other hosts");
    }
}
