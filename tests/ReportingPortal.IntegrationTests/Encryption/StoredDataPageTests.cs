using System.Net;
using ReportingPortal.Core.Accounts;

namespace ReportingPortal.IntegrationTests.Encryption;

public sealed class StoredDataPageTests
{
    [Test]
    public async Task AdministratorsSeeHowManyReportsEachKeyWrapsAndRespondersAreRefused()
    {
        await using var smtp = await SmtpServer.Start();
        await using var portal = await Portal.StartIsolated(smtp);
        using (var visitor = portal.NewSession())
        {
            await visitor.SubmitReport(ReportAnswers.Anonymous("The first of two reports."));
            await visitor.SubmitReport(ReportAnswers.Anonymous("The second of two reports."));
        }

        var responder = await ConsoleAccounts.Create(portal, administrator: false, ("child-welfare", QueueRole.Supervisor));
        using (var session = portal.NewSession())
        {
            (await session.SignInToConsole(responder)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await session.Get("/console/stored-data")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        var administrator = await ConsoleAccounts.Create(portal, administrator: true);
        using var signedIn = portal.NewSession();
        (await signedIn.SignInToConsole(administrator)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (response, page) = await signedIn.GetPage("/console/stored-data");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("#current-key")!.TextContent.ShouldBe(Portal.TestKeyId);
        page.QuerySelectorAll("#keys tbody tr").ShouldHaveSingleItem().TextContent.ShouldBe($"{Portal.TestKeyId} (current)2");
        page.QuerySelector("#retention")!.TextContent.ShouldContain("Reports whose content is kept2");
        page.QuerySelector("#open-too-long")!.TextContent.ShouldBe("None.");
    }
}
