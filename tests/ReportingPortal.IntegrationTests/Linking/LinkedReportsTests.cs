using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using MimeKit;
using ReportingPortal.Core.Accounts;
using ReportingPortal.Core.Linking;
using ReportingPortal.IntegrationTests.Cases;
using ReportingPortal.Web;
using ReportingPortal.IntegrationTests.Forwarding;

namespace ReportingPortal.IntegrationTests.Linking;

/// <summary>
/// Reports that name the same link within the linking window are linked: the forward says so and the case pages list
/// each other, while each stays a case of its own and the database holds only keyed fingerprints of the links.
/// </summary>
public sealed class LinkedReportsTests
{
    private const string ChildWelfare = "duty@childwelfare.example";

    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal() => _portal = await Portal.Shared();

    [Test]
    public async Task TwoReportsOfTheSameLinkWrittenDifferentlyAreLinkedInTheSecondForwardAndOnBothCasePages()
    {
        var mark = Mark();
        var first = await Report($"https://Social.example/profile/{mark}/?utm_source=share&fbclid=IwAR0x");
        var firstForward = await ForwardOf(first.Reference, ChildWelfare);
        using var secondReporter = _portal.NewSession();
        var second = await Report($"http://www.social.example:80/profile/{mark}#posts", secondReporter);
        var secondForward = await ForwardOf(second.Reference, ChildWelfare);

        var firstReceived = (await StoredReport.Load(first.Reference)).received_at;
        secondForward.TextBody!.ShouldContain(
            $"This link was also reported in {first.Reference} (1 time since {firstReceived.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC).");
        firstForward.TextBody!.ShouldNotContain("also reported", Case.Insensitive, "nothing named the link before the first report");
        var linked = ForwardDocuments.Valid(ForwardDocuments.AttachmentOf(secondForward, second.Reference)).LinkedReports.ShouldNotBeNull();
        linked.Count.ShouldBe(1);
        linked.References.ShouldBe([first.Reference]);
        linked.Since.ShouldBe(new DateTimeOffset(DateTime.SpecifyKind(firstReceived, DateTimeKind.Utc)), TimeSpan.FromMilliseconds(1));
        ForwardDocuments.Valid(ForwardDocuments.AttachmentOf(firstForward, first.Reference)).LinkedReports.ShouldBeNull();
        (await StoredDeliveries.WaitUntilSettled(second.Reference)).ShouldNotBeEmpty("the second report is forwarded as its own case");

        using var responder = await SignedIn("child-welfare");
        LinkedOn(await CasePage(responder, first.Reference)).ShouldBe([(second.Reference, true)]);
        LinkedOn(await CasePage(responder, second.Reference)).ShouldBe([(first.Reference, true)]);
        (await CasePage(responder, second.Reference)).QuerySelector("#linked")!.TextContent.ShouldContain("New");

        var reporterPage = await secondReporter.OpenReportAgain(second.Reference, second.AccessCode);
        reporterPage.Body!.TextContent.ShouldNotContain(first.Reference, customMessage: "the reporter learns nothing of other reports");
        reporterPage.Body!.TextContent.ShouldNotContain("also reported", Case.Insensitive);
    }

    [Test]
    public async Task AReportOfTheSameLinkInAQueueTheResponderIsNotInIsNamedWithoutItsStatusOrALink()
    {
        var mark = Mark();
        var inTheirQueue = await Report($"https://video.example/watch?v={mark}");
        var elsewhere = await Report($"https://www.video.example/watch?si=abc&v={mark}", category: "AbuseMaterialOnline");
        await ForwardOf(elsewhere.Reference, "cyber-unit@police.example");

        using var responder = await SignedIn("child-welfare");
        var page = await CasePage(responder, inTheirQueue.Reference);

        LinkedOn(page).ShouldBe([(elsewhere.Reference, false)]);
        page.QuerySelector("#linked")!.TextContent.ShouldContain("in a queue you are not in");
        (await CasePages.Open(responder, elsewhere.Reference)).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task AReportOfTheSameLinkOutsideTheWindowIsNotLinked()
    {
        var mark = Mark();
        var old = await Report($"https://forum.example/t/{mark}");
        await StoredDeliveries.WaitUntilSettled(old.Reference);
        await using (var connection = await TestDatabase.Open())
            await connection.ExecuteAsync("update reports set received_at = received_at - interval '31 days' where reference = @reference",
                new { reference = old.Reference });
        var recent = await Report($"https://forum.example/t/{mark}");
        var between = await Report($"https://forum.example/t/{mark}/");

        (await ForwardOf(between.Reference, ChildWelfare)).TextBody!.ShouldContain($"This link was also reported in {recent.Reference} (1 time since");
        using var responder = await SignedIn("child-welfare");
        LinkedOn(await CasePage(responder, recent.Reference)).ShouldBe([(between.Reference, true)]);
        LinkedOn(await CasePage(responder, old.Reference)).ShouldBeEmpty("31 days is past the default window of 30");
    }

    [Test]
    public async Task ADumpOfTheDatabaseHoldsKeyedFingerprintsOfTheLinksAndNeverTheLinks()
    {
        var mark = Mark();
        var link = $"https://photos.example/album/{mark}";
        var receipt = await Report(link);
        await StoredDeliveries.WaitUntilSettled(receipt.Reference);

        var dump = await TestDatabase.Dump(_portal.ConnectionString);

        dump.ShouldContain(receipt.Reference);
        dump.ShouldNotContain(mark, customMessage: "no part of the link is in the dump");
        var normalised = ReportedLink.Normalise(link)!;
        dump.ShouldContain(Convert.ToHexStringLower(Portal.TestLinkFingerprints.Of([link])!.ShouldHaveSingleItem()), customMessage: "the keyed fingerprint is stored");
        dump.ShouldNotContain(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised))),
            customMessage: "an unkeyed hash could be checked against a guessed link");
    }

    [Test]
    public async Task TheFingerprintIndexTakesNewReportsAtOnceSoEveryEmailLooksUpAFewPagesAfterASurge()
    {
        var receipt = await Report($"https://photos.example/album/{Mark()}");
        await StoredDeliveries.WaitUntilSettled(receipt.Reference);

        await using var connection = await TestDatabase.OpenDatabase(_portal.ConnectionString);
        // With GIN's fast update on, entries wait in a pending list that each lookup reads to its end until vacuum merges it.
        (await connection.ExecuteScalarAsync<string>(
                "select array_to_string(reloptions, ',') from pg_class where relname = 'reports_by_link_fingerprint'"))
            .ShouldBe("fastupdate=off");
    }

    private static string Mark() => Guid.NewGuid().ToString("N")[..12];

    private async Task<Receipt> Report(string urls, PortalSession? session = null, string category = "Other")
    {
        using var own = session is null ? _portal.NewSession() : null;
        return await (session ?? own!).SubmitReport(ReportAnswers.Anonymous("Someone shares pictures of a child here.")
            .With("Category", category).With("ReporterRole", "OtherAdult").With("Urls", urls));
    }

    private static async Task<MimeMessage> ForwardOf(string reference, string address)
    {
        bool Matches(MimeMessage message) => message.Subject!.Contains(reference) && SmtpServer.IsTo(message, address);
        return (await TestRun.Smtp.WaitFor(messages => messages.Any(Matches))).First(Matches);
    }

    private async Task<PortalSession> SignedIn(string queue) =>
        (await ConsoleAccounts.SignedIn(_portal, administrator: false, (queue, QueueRole.Responder))).Session;

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> CasePage(PortalSession session, string reference)
    {
        var (response, page) = await CasePages.Open(session, reference);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return page;
    }

    /// <summary>The references the case page lists as linked, each with whether it is a link to that case.</summary>
    private static List<(string Reference, bool Openable)> LinkedOn(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("#linked li").Select(item => item.QuerySelector("a") is { } anchor
                ? (anchor.TextContent, anchor.GetAttribute("href") == Routes.CaseOf(anchor.TextContent))
                : (item.TextContent.Split(',')[0].Trim(), false))
            .ToList();
}
