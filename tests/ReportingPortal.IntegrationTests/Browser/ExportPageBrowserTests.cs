using ReportingPortal.Core.Accounts;

namespace ReportingPortal.IntegrationTests.Browser;

/// <summary>The bulk export page in Chromium: no axe violations, as offered and with a problem shown, and nothing from other hosts.</summary>
[Category("Browser")]
public sealed class ExportPageBrowserTests
{
    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal() => _portal = await Portal.Shared();

    [Test]
    public async Task ASupervisorSeesTheExportFormOfTheirQueuesAndAxeFindsNoViolations()
    {
        var account = await ConsoleAccounts.Create(_portal, administrator: false, ("hotline", QueueRole.Supervisor));
        await using var browser = await Browsers.Open(_portal.Address);
        var page = await browser.SignInToConsole(account);
        var problems = new List<string>();

        await page.GotoAsync("/console");
        await page.ClickAsync("nav a[href='/console/export']");
        await page.WaitForURLAsync("**/console/export");
        problems.AddRange(await AxeChecks.Violations(page, "export page"));
        var queues = await page.Locator("#queue option").EvaluateAllAsync<string[]>("options => options.map(option => option.value)");
        await page.GotoAsync("/console/export?handler=csv&queue=hotline&from=2026-02-01&to=2026-01-01");
        problems.AddRange(await AxeChecks.Violations(page, "export page with a problem"));

        queues.ShouldBe(["hotline"]);
        (await page.TextContentAsync("#problem")).ShouldNotBeNullOrWhiteSpace();
        problems.ShouldBeEmpty();
        browser.OtherHosts.ShouldBeEmpty("the console loads nothing from other hosts");
    }
}
