using Dapper;
using ReportingPortal.Core.Audit;

namespace ReportingPortal.IntegrationTests.Browser;

/// <summary>The audit log page as an administrator's browser shows it: accessible, usable with the keyboard, nothing from other hosts.</summary>
[Category("Browser")]
public sealed class AuditPageBrowserTests
{
    [Test]
    public async Task AxeFindsNoViolationsAndTheFiltersWorkFromTheKeyboard()
    {
        var portal = await Portal.Shared();
        using var reporter = portal.NewSession();
        var reference = (await reporter.SubmitReport(ReportAnswers.Anonymous())).Reference;
        await using (var connection = await TestDatabase.OpenDatabase(portal.ConnectionString))
        {
            var reportId = await connection.ExecuteScalarAsync<long>("select id from reports where reference = @reference", new { reference });
            await AuditLog.Write(connection, null, new AuditEntry(AuditAction.CaseViewed, null, reportId), CancellationToken.None);
        }
        var administrator = await ConsoleAccounts.Create(portal, administrator: true);
        await using var browser = await Browsers.Open(portal.Address);
        var page = await browser.SignInToConsole(administrator);

        await page.GotoAsync("/console/audit");
        await page.FocusAsync("#reference");
        await page.Keyboard.TypeAsync(reference);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/console/audit?*reference={reference}*");

        (await page.Locator("#audit-log tbody tr").CountAsync()).ShouldBe(1);
        (await AxeChecks.Violations(page, "audit log")).ShouldBeEmpty();
        browser.OtherHosts.ShouldBeEmpty();
    }
}
