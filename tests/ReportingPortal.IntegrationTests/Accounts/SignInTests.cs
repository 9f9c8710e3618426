using System.Diagnostics;
using System.Net;
using Dapper;
using ReportingPortal.Core.Audit;

namespace ReportingPortal.IntegrationTests.Accounts;

/// <summary>Sign-in with a password and a code: wrong guesses are slowed and block the account for a while; no code works twice.</summary>
public sealed class SignInTests
{
    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal() => _portal = await Portal.Shared();

    [Test]
    public async Task FiveWrongPasswordsBlockTheAccountWithAKind429EvenForTheRightPassword()
    {
        var account = await ConsoleAccounts.Create(_portal);
        using var guesser = _portal.NewSession();
        for (var i = 0; i < 5; i++)
            (await guesser.SignInToConsole(account.Email, "wrong guess " + i, "123456")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var blocked = await guesser.SignInToConsole(account);

        blocked.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        blocked.Headers.RetryAfter.ShouldNotBeNull();
        (await PortalSession.Parse(blocked)).QuerySelector("[role=alert]")!.TextContent.ShouldContain("Please wait");
        (await AuditRows.Count(_portal, AuditAction.SignInFailed, account.Id, account.Id)).ShouldBe(5);
        (await AuditRows.Count(_portal, AuditAction.SignInBlocked, account.Id, account.Id)).ShouldBe(1);
        await using var connection = await TestDatabase.OpenDatabase(_portal.ConnectionString);
        var blockedFor = await connection.ExecuteScalarAsync<double>(
            "select extract(epoch from sign_in_blocked_until - now()) from accounts where id = @Id", new { account.Id });
        blockedFor.ShouldBeInRange(50, 60);
    }

    [Test]
    public async Task FiveWrongCodesWithTheRightPasswordBlockTheAccountAndTheBlockedAnswerIsSlowedToo()
    {
        var account = await ConsoleAccounts.Create(_portal);
        using var guesser = _portal.NewSession();
        var right = await ConsoleAccounts.NextCode(account);
        var wrong = right == "000000" ? "111111" : "000000";
        for (var i = 0; i < 5; i++)
            (await guesser.SignInToConsole(account.Email, account.Password, wrong)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var clock = Stopwatch.StartNew();

        var blocked = await guesser.SignInToConsole(account.Email, account.Password, right);

        blocked.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        clock.Elapsed.ShouldBeGreaterThan(TimeSpan.FromMilliseconds(900));
        (await AuditRows.Count(_portal, AuditAction.SignInBlocked, account.Id, account.Id)).ShouldBe(1);
    }

    [Test]
    public async Task AnUnknownEmailIsAnsweredExactlyAsAWrongPasswordEvenOnceBlocked()
    {
        var account = await ConsoleAccounts.Create(_portal);
        var unknown = $"nobody-{Guid.NewGuid():N}@example.org";
        using var guesser = _portal.NewSession();
        var answers = new List<(HttpStatusCode Known, HttpStatusCode Unknown, string KnownText, string UnknownText)>();
        for (var i = 0; i < 6; i++)
        {
            var known = await guesser.SignInToConsole(account.Email, "wrong guess", "123456");
            var stranger = await guesser.SignInToConsole(unknown, "wrong guess", "123456");
            answers.Add((known.StatusCode, stranger.StatusCode, Alert(await PortalSession.Parse(known)), Alert(await PortalSession.Parse(stranger))));
        }

        answers.ShouldAllBe(answer => answer.Known == answer.Unknown && answer.KnownText == answer.UnknownText);
        answers[^1].Known.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Test]
    public async Task AFailedSignInIsSlowed()
    {
        var account = await ConsoleAccounts.Create(_portal);
        using var guesser = _portal.NewSession();
        var clock = Stopwatch.StartNew();

        var response = await guesser.SignInToConsole(account.Email, "wrong guess", "123456");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        clock.Elapsed.ShouldBeGreaterThan(TimeSpan.FromMilliseconds(900));
    }

    [Test]
    public async Task ASuccessfulSignInStartsTheCountAgain()
    {
        var account = await ConsoleAccounts.Create(_portal);
        using var session = _portal.NewSession();
        for (var i = 0; i < 4; i++)
            await session.SignInToConsole(account.Email, "wrong guess", "123456");
        (await session.SignInToConsole(account)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var other = _portal.NewSession();
        for (var i = 0; i < 4; i++)
            (await other.SignInToConsole(account.Email, "wrong guess", "123456")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await other.SignInToConsole(account)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Test]
    public async Task ATotpCodeCannotBeUsedTwice()
    {
        var account = await ConsoleAccounts.Create(_portal);
        var code = await ConsoleAccounts.NextCode(account);
        using var first = _portal.NewSession();
        using var second = _portal.NewSession();

        (await first.SignInToConsole(account.Email, account.Password, code)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var replayed = await second.SignInToConsole(account.Email, account.Password, code);

        replayed.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await second.Get("/console/account")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Test]
    public async Task TheCodeUsedToEnrolCannotSignIn()
    {
        var account = await ConsoleAccounts.Create(_portal);
        using var session = _portal.NewSession();

        var response = await session.SignInToConsole(account.Email, account.Password, ConsoleAccounts.CodeFor(account.TotpKey, account.LastStep));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task ARecoveryCodeSignsInOnceAndIsAudited()
    {
        var account = await ConsoleAccounts.Create(_portal);
        using var first = _portal.NewSession();
        using var second = _portal.NewSession();

        (await first.SignInToConsole(account.Email, account.Password, account.RecoveryCodes[3].ToUpperInvariant())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var again = await second.SignInToConsole(account.Email, account.Password, account.RecoveryCodes[3]);

        again.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await AuditRows.Count(_portal, AuditAction.RecoveryCodeUsed, account.Id, account.Id)).ShouldBe(1);
        var (_, page) = await first.GetPage("/console/account");
        page.QuerySelector("#unused-recovery-codes")!.TextContent.ShouldContain("9 unused");
    }

    [Test]
    public async Task ARecoveryCodeIsNotUsedUpByAWrongPassword()
    {
        var account = await ConsoleAccounts.Create(_portal);
        using var session = _portal.NewSession();

        (await session.SignInToConsole(account.Email, "wrong password", account.RecoveryCodes[0])).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await session.SignInToConsole(account.Email, account.Password, account.RecoveryCodes[0])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Test]
    public async Task SigningInAndOutIsAudited()
    {
        var account = await ConsoleAccounts.Create(_portal);
        using var session = _portal.NewSession();
        await session.SignInToConsole(account);

        (await session.SignOutOfConsole()).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await AuditRows.Count(_portal, AuditAction.SignedIn, account.Id, account.Id)).ShouldBe(1);
        (await AuditRows.Count(_portal, AuditAction.SignedOut, account.Id, account.Id)).ShouldBe(1);
    }

    [Test]
    public async Task SignOutIsAPostWithTheAntiforgeryToken()
    {
        var account = await ConsoleAccounts.Create(_portal);
        using var session = _portal.NewSession();
        await session.SignInToConsole(account);

        (await session.Post("/console/sign-out", [])).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await session.Get("/console/account")).StatusCode.ShouldBe(HttpStatusCode.OK, "a forged sign-out ends nothing");
    }

    [Test]
    public async Task TheAuditLogHoldsNoClientAddress()
    {
        var account = await ConsoleAccounts.Create(_portal);
        using var session = _portal.NewSession();
        await session.SignInToConsole(account.Email, "wrong guess", "123456");
        await session.SignInToConsole(account);

        await using var connection = await TestDatabase.OpenDatabase(_portal.ConnectionString);
        var rows = string.Join('\n', await connection.QueryAsync<string>(
            "select a::text from audit_log a where subject_account_id = @Id", new { account.Id }));
        rows.ShouldNotBeEmpty();
        rows.ShouldNotContain("127.0.0.1");
        rows.ShouldNotContain("wrong guess");
    }

    private static string Alert(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("[role=alert]")?.TextContent.Trim() ?? "";
}
