using System.Net;

namespace ReportingPortal.IntegrationTests.Home;

public sealed class HomeTests
{
    [Test]
    public async Task TheHomePageShowsTheEmergencyNumberFromConfigurationAndTheWayToReport()
    {
        await using var portal = await Portal.Start(new Dictionary<string, string> { ["Signposting__EmergencyNumber"] = "0800 555 0199" });
        using var visitor = portal.NewSession();

        var (response, page) = await visitor.GetPage("/");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Body!.TextContent.ShouldContain("Call 0800 555 0199 now");
        page.QuerySelectorAll("a").ShouldContain(link => link.GetAttribute("href") == "/report" && link.TextContent.Contains("Start a report"));
        page.Body.TextContent.ShouldContain("You do not have to give your name");
    }

    [Test]
    public async Task AnUnknownAddressGetsAKind404()
    {
        var portal = await Portal.Shared();
        using var visitor = portal.NewSession();

        var (response, page) = await visitor.GetPage("/no-such-page");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Page not found");
    }

    [Test]
    public async Task ThePortalRefusesToStartWithoutItsSecrets()
    {
        var settings = Portal.DefaultSettings();
        var error = await Should.ThrowAsync<InvalidOperationException>(() =>
            Portal.Start(new Dictionary<string, string> { ["Receipts__SecretKey"] = "" }));

        error.Message.ShouldContain("Receipts:SecretKey");
        settings.ShouldContainKey("Receipts__SecretKey");
    }
}
