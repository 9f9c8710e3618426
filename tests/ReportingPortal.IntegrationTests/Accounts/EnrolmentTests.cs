using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using System.Text.RegularExpressions;
using ReportingPortal.Core.Audit;

namespace ReportingPortal.IntegrationTests.Accounts;

/// <summary>An administrator invites someone by email; the one-time link lets them set a password and enrol TOTP.</summary>
public sealed partial class EnrolmentTests
{
    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal() => _portal = await Portal.Shared();

    [Test]
    public async Task AnInvitedResponderEnrolsThroughTheEmailedLinkAndSignsIn()
    {
        var administrator = await ConsoleAccounts.Create(_portal, administrator: true);
        using var admin = _portal.NewSession();
        await admin.SignInToConsole(administrator);
        var email = $"invited-{Guid.NewGuid():N}@example.org";

        var invited = await Invite(admin, email, "Invited Responder", "hotline|Responder", "police-cyber|Supervisor");

        invited.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PortalSession.Parse(invited)).QuerySelector("#outcome")!.TextContent.ShouldContain("has been sent");
        var mail = await Invitations(email, 1);
        var text = mail.TextBody ?? mail.HtmlBody!;
        var link = EnrolmentLink().Match(text).Value;
        link.ShouldStartWith(_portal.Address.ToString().TrimEnd('/') + "/console/enrol?token=");
        text.ShouldContain("UTC");
        text.ShouldNotContain("Invited Responder", customMessage: "the invitation carries the link and its expiry, nothing else");
        text.ShouldNotContain("hotline");

        using var responder = _portal.NewSession();
        var account = await ConsoleAccounts.Enrol(_portal, responder, Token(link), email, "Invited Responder", "a long and uncommon passphrase");
        var signedIn = await responder.SignInToConsole(account);

        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.OriginalString.ShouldBe("/console");
        (await responder.Get("/console/account")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, list) = await admin.GetPage("/console/accounts");
        list.QuerySelector($"tr[data-account='{account.Id}']")!.TextContent.ShouldContain("hotline (Responder), police-cyber (Supervisor)");
        (await AuditRows.Count(_portal, AuditAction.AccountCreated, account.Id, administrator.Id)).ShouldBe(1);
        (await AuditRows.Count(_portal, AuditAction.AccountInvited, account.Id, administrator.Id)).ShouldBe(1);
        (await AuditRows.Count(_portal, AuditAction.AccountEnrolled, account.Id, account.Id)).ShouldBe(1);
        (await AuditRows.Count(_portal, AuditAction.SignedIn, account.Id, account.Id)).ShouldBe(1);
    }

    [Test]
    public async Task ALinkWorksOnlyOnce()
    {
        var email = $"once-{Guid.NewGuid():N}@example.org";
        var token = await ConsoleAccounts.Invite(_portal.ConnectionString, email, "Once", false, []);
        using var session = _portal.NewSession();
        await ConsoleAccounts.Enrol(_portal, session, token, email, "Once", "a long and uncommon passphrase");

        var (again, page) = await session.GetPage("/console/enrol?token=" + token);

        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.QuerySelector("#problem")!.TextContent.ShouldContain("used already or has expired");
        page.QuerySelector("#text-key").ShouldBeNull();
    }

    [Test]
    public async Task AnExpiredLinkIsRefused()
    {
        var token = await ConsoleAccounts.Invite(_portal.ConnectionString, $"late-{Guid.NewGuid():N}@example.org", "Late", false, [],
            expiresIn: TimeSpan.FromSeconds(-1));
        using var session = _portal.NewSession();

        var (response, page) = await session.GetPage("/console/enrol?token=" + token);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.QuerySelector("#problem")!.TextContent.ShouldContain("used already or has expired");
    }

    [TestCase("short pass", "too short")]
    [TestCase("1qaz2wsx3edc", "common passwords")]
    [TestCase("QWERTYUIOP123", "common passwords")]
    [TestCase("{email}", "cannot be your email")]
    public async Task AWeakPasswordIsRefusedWithAClearMessageAndTheLinkStillWorks(string password, string message)
    {
        var email = $"weak-{Guid.NewGuid():N}@example.org";
        var token = await ConsoleAccounts.Invite(_portal.ConnectionString, email, "Weak", false, []);
        using var session = _portal.NewSession();

        var (response, page, _) = await ConsoleAccounts.EnrolWith(session, token, password.Replace("{email}", email), ConsoleAccounts.CodeNow);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        page.QuerySelector("#problem")!.TextContent.ShouldContain(message);
        page.QuerySelector("#recovery-codes").ShouldBeNull();
        await ConsoleAccounts.Enrol(_portal, session, token, email, "Weak", "a long and uncommon passphrase");
    }

    [Test]
    public async Task TwoDifferentPasswordsOrAWrongCodeAreRefused()
    {
        var token = await ConsoleAccounts.Invite(_portal.ConnectionString, $"typo-{Guid.NewGuid():N}@example.org", "Typo", false, []);
        using var session = _portal.NewSession();

        var (differ, differPage, _) = await ConsoleAccounts.EnrolWith(session, token, "a long and uncommon passphrase", ConsoleAccounts.CodeNow,
            passwordAgain: "a long and uncommon passphrasE");
        var (wrongCode, wrongCodePage, _) = await ConsoleAccounts.EnrolWith(session, token, "a long and uncommon passphrase",
            key => ConsoleAccounts.CodeNow(key) == "000000" ? "111111" : "000000");

        differ.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        differPage.QuerySelector("#problem")!.TextContent.ShouldContain("not the same");
        wrongCode.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        wrongCodePage.QuerySelector("#problem")!.TextContent.ShouldContain("code does not match");
    }

    [Test]
    public async Task ANewInvitationStopsTheEarlierLink()
    {
        var administrator = await ConsoleAccounts.Create(_portal, administrator: true);
        using var admin = _portal.NewSession();
        await admin.SignInToConsole(administrator);
        var email = $"again-{Guid.NewGuid():N}@example.org";
        await Invite(admin, email, "Again");
        var first = Token(EnrolmentLink().Match((await Invitations(email, 1)).TextBody!).Value);
        var accountId = long.Parse(new Uri(_portal.Address, (await admin.GetPage("/console/accounts")).Page
            .QuerySelectorAll("#accounts tr").Single(row => row.TextContent.Contains(email)).QuerySelector("a")!.GetAttribute("href")!).Segments[^1]);

        var (editResponse, edit) = await admin.GetPage($"/console/accounts/{accountId}");
        editResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var form = edit.QuerySelectorAll("form").Single(element => element.GetAttribute("action")!.Contains("handler=NewLink"));
        var sent = await admin.Post(form.GetAttribute("action")!, [new("__RequestVerificationToken", AntiforgeryToken(edit))]);

        sent.StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = Token(EnrolmentLink().Match((await Invitations(email, 2)).TextBody!).Value);
        second.ShouldNotBe(first);
        (await admin.Get("/console/enrol?token=" + first)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.Get("/console/enrol?token=" + second)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AuditRows.Count(_portal, AuditAction.AccountInvited, accountId, administrator.Id)).ShouldBe(2);
    }

    [Test]
    public async Task AnInvitationThatCannotBeMailedSaysSoKindlyAndOffersANewOne()
    {
        await using var smtp = await SmtpServer.Start();
        await using var portal = await Portal.StartIsolated(smtp, processes: PortalProcesses.WebOnly);
        var administrator = await ConsoleAccounts.Create(portal, administrator: true);
        using var admin = portal.NewSession();
        await admin.SignInToConsole(administrator);
        await smtp.Stop();

        var response = await Invite(admin, $"unmailed-{Guid.NewGuid():N}@example.org", "Unmailed");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PortalSession.Parse(response);
        page.QuerySelector("#outcome")!.TextContent.ShouldContain("could not be sent just now");
        page.QuerySelectorAll("form").ShouldContain(form => form.GetAttribute("action")!.Contains("handler=NewLink"));
    }

    [Test]
    public async Task AnEmailCanHaveOnlyOneAccount()
    {
        var administrator = await ConsoleAccounts.Create(_portal, administrator: true);
        using var admin = _portal.NewSession();
        await admin.SignInToConsole(administrator);

        var response = await Invite(admin, administrator.Email.ToUpperInvariant(), "Twice");

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await PortalSession.Parse(response)).QuerySelector("#outcome")!.TextContent.ShouldContain("already an account");
    }

    private static async Task<HttpResponseMessage> Invite(PortalSession admin, string email, string name, params string[] memberships)
    {
        var (_, page) = await admin.GetPage("/console/accounts");
        var fields = new KeyValuePair<string, string>[] { new("__RequestVerificationToken", AntiforgeryToken(page)) }
            .Append(new("Email", email)).Append(new("Name", name))
            .Concat(memberships.Select(membership => new KeyValuePair<string, string>("Memberships", membership)));
        return await admin.Post("/console/accounts?handler=Invite", fields);
    }

    /// <summary>Waits for the <paramref name="count"/>th email to <paramref name="email"/> and returns it.</summary>
    private static async Task<MimeKit.MimeMessage> Invitations(string email, int count) =>
        (await TestRun.Smtp.WaitForMessagesTo(email, count)).Where(message => SmtpServer.IsTo(message, email)).ElementAt(count - 1);

    private static string AntiforgeryToken(IHtmlDocument page) =>
        page.QuerySelectorAll<IHtmlInputElement>("input[name=__RequestVerificationToken]").First().Value;

    private static string Token(string link) => Uri.UnescapeDataString(new Uri(link).Query["?token=".Length..]);

    [GeneratedRegex(@"https?://\S+/console/enrol\?token=[A-Za-z0-9_%-]+")]
    private static partial Regex EnrolmentLink();
}
