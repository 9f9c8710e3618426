using System.Net;
using ReportingPortal.Core.Accounts;
using ReportingPortal.Core.Audit;
using ReportingPortal.IntegrationTests.Forwarding;
using ReportingPortal.Web;

namespace ReportingPortal.IntegrationTests.Cases;

/// <summary>The case page's JSON download: the forward document of the case, for the accounts of its queues only, audited.</summary>
public sealed class CaseDocumentTests
{
    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task Start() => _portal = await Portal.Shared();

    private async Task<string> NewCase(string description)
    {
        using var visitor = _portal.NewSession();
        return (await visitor.SubmitReport(ReportAnswers.Anonymous(description).With("Category", "Other").With("ReporterRole", "OtherAdult"))).Reference;
    }

    private Task<(TestAccount Account, PortalSession Session)> SignedIn(params (string Queue, QueueRole Role)[] queues) =>
        ConsoleAccounts.SignedIn(_portal, administrator: false, queues);

    private static string DownloadPath(string reference) => Routes.CaseOf(reference) + "?handler=json";

    [Test]
    public async Task AResponderOfTheCasesQueueDownloadsTheCaseAsItsForwardDocumentAndTheDownloadIsAudited()
    {
        const string description = "A coach at the club sends a child messages late at night.";
        var reference = await NewCase(description);
        var (account, session) = await SignedIn(("child-welfare", QueueRole.Responder));
        using var _ = session;

        var (page, document) = await CasePages.Open(session, reference);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector("#case-json")!.GetAttribute("href").ShouldBe(DownloadPath(reference));
        var response = await session.Get(DownloadPath(reference));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe($"{reference}.json");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var downloaded = ForwardDocuments.Valid(await response.Content.ReadAsByteArrayAsync());
        downloaded.Reference.ShouldBe(reference);
        downloaded.Queue.Name.ShouldBe("child-welfare");
        downloaded.AdditionalInformation.ShouldBe(description);
        downloaded.Referral.ShouldBeNull();
        (await StoredAudit.For(reference)).Where(line => line.Action == AuditAction.CaseDocumentDownloaded).ShouldHaveSingleItem()
            .ShouldBe(new StoredAudit.Line(AuditAction.CaseDocumentDownloaded, account.Id, null, "child-welfare"));
    }

    [Test]
    public async Task AnAccountOutsideTheCasesQueuesGetsNotFoundAndTheRefusalIsAudited()
    {
        const string description = "Someone at the park photographs children and shares the photos.";
        var reference = await NewCase(description);
        var (account, session) = await SignedIn(("hotline", QueueRole.Supervisor));
        using var _ = session;

        var response = await session.Get(DownloadPath(reference));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain(description);
        var audit = await StoredAudit.For(reference);
        audit.ShouldNotContain(line => line.Action == AuditAction.CaseDocumentDownloaded);
        audit.ShouldContain(new StoredAudit.Line(AuditAction.CaseViewRefused, account.Id, null, null));
    }

    [Test]
    public async Task SomeoneNotSignedInIsSentToSignInAndGetsNothing()
    {
        var reference = await NewCase("A neighbour films children through a window.");
        using var stranger = _portal.NewSession();

        var response = await stranger.Get(DownloadPath(reference));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldStartWith(Routes.ConsoleSignIn);
        (await StoredAudit.For(reference)).ShouldNotContain(line => line.Action == AuditAction.CaseDocumentDownloaded);
    }
}
