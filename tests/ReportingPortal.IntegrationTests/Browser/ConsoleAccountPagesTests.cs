using Microsoft.Playwright;

namespace ReportingPortal.IntegrationTests.Browser;

/// <summary>Enrolment, sign-in and the account pages in a real browser: with the keyboard, accessible, nothing from other hosts.</summary>
[Category("Browser")]
public sealed class ConsoleAccountPagesTests
{
    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal() => _portal = await Portal.Shared();

    [Test]
    public async Task AnAdministratorEnrolsSignsInAndUsesTheAccountPagesWithTheKeyboardAndAxeFindsNothing()
    {
        var email = $"browser-admin-{Guid.NewGuid():N}@example.org";
        var token = await ConsoleAccounts.Invite(_portal.ConnectionString, email, "Browser Administrator", administrator: true,
            [("hotline", Core.Accounts.QueueRole.Responder)]);
        var responder = await ConsoleAccounts.Create(_portal, queues: ("hotline", Core.Accounts.QueueRole.Responder));
        await using var browser = await Browsers.Open(_portal.Address);
        var page = await browser.NewPage();
        var problems = new List<string>();
        const string password = "a long and uncommon passphrase";

        await page.GotoAsync("/console/enrol?token=" + token);
        problems.AddRange(await AxeChecks.Violations(page, "enrol"));
        (await page.Locator("svg").CountAsync()).ShouldBe(1, "the QR code is drawn inline");
        var key = (await page.Locator("#text-key").TextContentAsync())!.Trim();
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("The same password again").FillAsync(password);
        await page.GetByLabel("Six-digit code from the app").FillAsync(ConsoleAccounts.CodeNow(key));
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#recovery-codes").WaitForAsync();
        problems.AddRange(await AxeChecks.Violations(page, "recovery codes"));
        var account = new TestAccount(0, email, "Browser Administrator", password, key, []) { LastStep = ConsoleAccounts.StepNow() - 1 };

        await page.GotoAsync("/console/sign-in");
        problems.AddRange(await AxeChecks.Violations(page, "sign-in"));
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByLabel("Code").FillAsync(await ConsoleAccounts.NextCode(account));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/console");

        foreach (var path in new[] { "/console/account", "/console/accounts", $"/console/accounts/{responder.Id}", "/console/mail" })
        {
            var response = await page.GotoAsync(path);
            response!.Status.ShouldBe(200, path);
            problems.AddRange(await AxeChecks.Violations(page, path));
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/console/sign-in");

        problems.ShouldBeEmpty();
        browser.OtherHosts.ShouldBeEmpty("console pages load nothing from other hosts");
    }
}
