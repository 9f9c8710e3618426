using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ReportingPortal.Core.Audit;

namespace ReportingPortal.IntegrationTests.Accounts;

/// <summary>Changes that take rights away end every session of the account at once.</summary>
public sealed class AccountChangesTests
{
    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal() => _portal = await Portal.Shared();

    [Test]
    public async Task ChangingThePasswordEndsEverySessionAndTheNewOneSignsIn()
    {
        var account = await ConsoleAccounts.Create(_portal);
        using var here = _portal.NewSession();
        using var elsewhere = _portal.NewSession();
        await here.SignInToConsole(account);
        await elsewhere.SignInToConsole(account);

        var changed = await PostOnAccountPage(here, "Password", new()
        {
            ["CurrentPassword"] = account.Password,
            ["Code"] = account.RecoveryCodes[0],
            ["NewPassword"] = "another long uncommon passphrase",
            ["NewPasswordAgain"] = "another long uncommon passphrase",
        });

        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await here.Get("/console/account")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await elsewhere.Get("/console/account")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var again = _portal.NewSession();
        (await again.SignInToConsole(account with { Password = "another long uncommon passphrase" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AuditRows.Count(_portal, AuditAction.PasswordChanged, account.Id, account.Id)).ShouldBe(1);
    }

    [Test]
    public async Task APasswordChangeNeedsTheCurrentPasswordAndACodeAndAStrongNewPassword()
    {
        var account = await ConsoleAccounts.Create(_portal);
        using var session = _portal.NewSession();
        await session.SignInToConsole(account);

        var wrongCurrent = await PostOnAccountPage(session, "Password", new()
        {
            ["CurrentPassword"] = "not my password", ["Code"] = account.RecoveryCodes[0],
            ["NewPassword"] = "another long uncommon passphrase", ["NewPasswordAgain"] = "another long uncommon passphrase",
        });
        var common = await PostOnAccountPage(session, "Password", new()
        {
            ["CurrentPassword"] = account.Password, ["Code"] = account.RecoveryCodes[1],
            ["NewPassword"] = "qwertyuiop123", ["NewPasswordAgain"] = "qwertyuiop123",
        });

        wrongCurrent.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        common.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await PortalSession.Parse(common)).QuerySelector("#problem")!.TextContent.ShouldContain("common passwords");
        (await session.Get("/console/account")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AuditRows.Count(_portal, AuditAction.PasswordChanged, account.Id)).ShouldBe(0);
    }

    [Test]
    public async Task NewRecoveryCodesReplaceTheOldOnes()
    {
        var account = await ConsoleAccounts.Create(_portal);
        using var session = _portal.NewSession();
        await session.SignInToConsole(account);

        var renewed = await PostOnAccountPage(session, "RecoveryCodes", new()
        {
            ["CurrentPassword"] = account.Password, ["Code"] = await ConsoleAccounts.NextCode(account),
        });

        renewed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var codes = (await PortalSession.Parse(renewed)).QuerySelectorAll("#recovery-codes li").Select(item => item.TextContent.Trim()).ToList();
        codes.Count.ShouldBe(10);
        using var old = _portal.NewSession();
        (await old.SignInToConsole(account.Email, account.Password, account.RecoveryCodes[5])).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await old.SignInToConsole(account.Email, account.Password, codes[5])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AuditRows.Count(_portal, AuditAction.RecoveryCodesRenewed, account.Id, account.Id)).ShouldBe(1);
    }

    [Test]
    public async Task DisablingAnAccountEndsItsSessionsAndRefusesSignInUntilItIsEnabled()
    {
        using var both = await BothSignedIn();
        var (administrator, responder, admin, session) = both;

        (await PostOnEditPage(admin, responder.Id, "Disable")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await session.Get("/console/account")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await session.SignInToConsole(responder)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await PostOnEditPage(admin, responder.Id, "Enable")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await session.SignInToConsole(responder)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AuditRows.Count(_portal, AuditAction.AccountDisabled, responder.Id, administrator.Id)).ShouldBe(1);
        (await AuditRows.Count(_portal, AuditAction.AccountEnabled, responder.Id, administrator.Id)).ShouldBe(1);
    }

    [Test]
    public async Task MakingSomeoneAnAdministratorEndsTheirSessionsSoTheNextSignInCarriesTheRole()
    {
        using var both = await BothSignedIn();
        var (administrator, responder, admin, session) = both;
        (await session.Get("/console/accounts")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await PostOnEditPage(admin, responder.Id, "Change", new() { ["IsAdministrator"] = "true", ["Memberships"] = "hotline|Supervisor" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        (await session.Get("/console/account")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await session.SignInToConsole(responder);
        (await session.Get("/console/accounts")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AuditRows.Count(_portal, AuditAction.AccountChanged, responder.Id, administrator.Id)).ShouldBe(1);
    }

    [Test]
    public async Task AnAdministratorCannotDisableThemselvesOrDropTheirOwnFlag()
    {
        var administrator = await ConsoleAccounts.Create(_portal, administrator: true);
        using var admin = _portal.NewSession();
        await admin.SignInToConsole(administrator);

        (await PostOnEditPage(admin, administrator.Id, "Change", new() { ["IsAdministrator"] = "false" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await PostOnEditPage(admin, administrator.Id, "Disable", [])).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await admin.Get("/console/accounts")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [TestCase("/console/accounts")]
    [TestCase("/console/mail")]
    [TestCase("/jobs")]
    public async Task AResponderWhoIsNotAnAdministratorIsRefused(string path)
    {
        var responder = await ConsoleAccounts.Create(_portal, queues: ("hotline", Core.Accounts.QueueRole.Supervisor));
        using var session = _portal.NewSession();
        await session.SignInToConsole(responder);

        (await session.Get(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>An administrator and a responder, each signed in in a session of their own.</summary>
    private async Task<SignedInPair> BothSignedIn()
    {
        var pair = new SignedInPair(await ConsoleAccounts.Create(_portal, administrator: true), await ConsoleAccounts.Create(_portal),
            _portal.NewSession(), _portal.NewSession());
        await pair.Admin.SignInToConsole(pair.Administrator);
        await pair.Session.SignInToConsole(pair.Responder);
        return pair;
    }

    private sealed record SignedInPair(TestAccount Administrator, TestAccount Responder, PortalSession Admin, PortalSession Session) : IDisposable
    {
        public void Dispose()
        {
            Admin.Dispose();
            Session.Dispose();
        }
    }

    private static async Task<HttpResponseMessage> PostOnAccountPage(PortalSession session, string handler, Dictionary<string, string> fields)
    {
        var (_, page) = await session.GetPage("/console/account");
        fields["__RequestVerificationToken"] = Token(page);
        return await session.Post($"/console/account?handler={handler}", fields);
    }

    private static async Task<HttpResponseMessage> PostOnEditPage(PortalSession admin, long accountId, string handler, Dictionary<string, string>? fields = null)
    {
        var (_, page) = await admin.GetPage($"/console/accounts/{accountId}");
        fields ??= [];
        fields["__RequestVerificationToken"] = Token(page);
        return await admin.Post($"/console/accounts/{accountId}?handler={handler}", fields);
    }

    private static string Token(IHtmlDocument page) =>
        page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]").ShouldNotBeNull().Value;
}
