using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ReportingPortal.Core.Signposting;

namespace ReportingPortal.IntegrationTests.Home;

public sealed class HomeTests
{
    [Test]
    public async Task TheHomePageShowsTheShippedEmergencyNumberAndHelplinesAndTheWayToReport()
    {
        var portal = await Portal.Shared();
        using var visitor = portal.NewSession();
        var help = ShippedHelp();
        help.Helplines.ShouldNotBeEmpty();

        var (response, page) = await visitor.GetPage("/");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var emergency = page.QuerySelector(".emergency").ShouldNotBeNull().TextContent;
        emergency.ShouldContain($"Call {help.EmergencyNumber} now");
        foreach (var helpline in help.Helplines)
            emergency.ShouldContain($"{helpline.Name}: {helpline.Phone}");
        page.QuerySelectorAll("a").ShouldContain(link => link.GetAttribute("href") == "/report" && link.TextContent.Contains("Start a report"));
        page.Body!.TextContent.ShouldContain("You do not have to give your name");
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

    /// <summary>
    /// The one check that the real process stops on a bad setting and says which; each setting the portal refuses is
    /// checked without a process in the unit tests (SettingsValidationTests).
    /// </summary>
    [Test]
    public async Task ThePortalRefusesToStartWithoutItsSecretsAndNamesTheMissingOne()
    {
        var error = await Should.ThrowAsync<InvalidOperationException>(() =>
            Portal.Start(new Dictionary<string, string> { ["Receipts__SecretKey"] = "" }));

        error.Message.ShouldStartWith("The portal exited with code");
        error.Message.ShouldContain("Receipts:SecretKey is required");
    }

    /// <summary>The help the home page should show: what the portal's directory makes of the shipped appsettings.json.</summary>
    private static Core.Signposting.Help ShippedHelp()
    {
        var shipped = new ConfigurationBuilder().AddJsonFile(Path.Combine(Repository.WebProject, "appsettings.json")).Build();
        var signposting = shipped.GetSection(SignpostingOptions.Section).Get<SignpostingOptions>().ShouldNotBeNull();
        return new HelpDirectory(Options.Create(signposting)).For();
    }
}
