using System.Net;
using Dapper;

namespace ReportingPortal.IntegrationTests.Accounts;

/// <summary>A console session lives on the server, so signing out ends it even for a copy of the cookie.</summary>
public sealed class ConsoleSessionTests
{
    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal() => _portal = await Portal.Shared();

    [TestCase("/console/mail")]
    [TestCase("/jobs")]
    public async Task ACookieSavedBeforeSigningOutOpensNothingAfterwards(string path)
    {
        using var session = _portal.NewSession();
        (await session.SignInToConsole(await ConsoleAccounts.Create(_portal, administrator: true))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = session.Cookies.GetCookieHeader(_portal.Address);
        (await Replay(saved, path)).StatusCode.ShouldBe(HttpStatusCode.OK, "the saved cookie opens the page while signed in");

        (await session.SignOutOfConsole()).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var replayed = await Replay(saved, path);

        replayed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        replayed.Headers.Location!.OriginalString.ShouldStartWith("/console/sign-in?ReturnUrl=");
    }

    [Test]
    public async Task SigningOutEndsOnlyThatSession()
    {
        var account = await ConsoleAccounts.Create(_portal);
        using var first = _portal.NewSession();
        using var second = _portal.NewSession();
        await first.SignInToConsole(account);
        await second.SignInToConsole(account);

        await first.SignOutOfConsole();

        (await second.Get("/console/account")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.Get("/console/account")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Test]
    public async Task AnIdleSessionIsRefusedAndRemoved()
    {
        var account = await ConsoleAccounts.Create(_portal);
        using var session = _portal.NewSession();
        await session.SignInToConsole(account);
        await using var connection = await TestDatabase.OpenDatabase(_portal.ConnectionString);
        (await connection.ExecuteAsync("update console_sessions set expires_at = now() - interval '1 second' where account_id = @Id",
            new { account.Id })).ShouldBe(1);

        var response = await session.Get("/console/account");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await connection.ExecuteScalarAsync<long>("select count(*) from console_sessions where account_id = @Id", new { account.Id })).ShouldBe(0);
    }

    [Test]
    public async Task ASessionPastItsAbsoluteEndIsRefusedHoweverRecentlyItWasUsed()
    {
        var account = await ConsoleAccounts.Create(_portal);
        using var session = _portal.NewSession();
        await session.SignInToConsole(account);
        await using var connection = await TestDatabase.OpenDatabase(_portal.ConnectionString);
        await connection.ExecuteAsync("update console_sessions set ends_at = now() - interval '1 second' where account_id = @Id", new { account.Id });

        (await session.Get("/console/account")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Test]
    public async Task EachRequestKeepsTheSessionForThirtyMinutesMoreButNeverPastEightHoursFromSignIn()
    {
        var account = await ConsoleAccounts.Create(_portal);
        using var session = _portal.NewSession();
        await session.SignInToConsole(account);
        await using var connection = await TestDatabase.OpenDatabase(_portal.ConnectionString);
        await connection.ExecuteAsync("update console_sessions set expires_at = now() + interval '1 minute' where account_id = @Id", new { account.Id });

        (await session.Get("/console/account")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var (idle, lifetime) = await connection.QuerySingleAsync<(double, double)>("""
            select extract(epoch from expires_at - now()), extract(epoch from ends_at - created_at)
            from console_sessions where account_id = @Id
            """, new { account.Id });
        idle.ShouldBeInRange(29 * 60, 30 * 60);
        lifetime.ShouldBe(8 * 3600, tolerance: 1);
    }

    [Test]
    public async Task TheSessionsTableHoldsNoClientAddressOrUserAgent()
    {
        const string userAgent = "Mozilla/5.0 (SessionProbe; rv:7.3) ProbeBrowser/7.3-5e2a";
        var account = await ConsoleAccounts.Create(_portal);
        using var session = _portal.NewSession();
        session.Client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        await session.SignInToConsole(account);
        (await session.Get("/console/account")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var connection = await TestDatabase.OpenDatabase(_portal.ConnectionString);
        var columns = await connection.QueryAsync<string>(
            "select column_name from information_schema.columns where table_name = 'console_sessions' order by ordinal_position");
        var rows = string.Join('\n', await connection.QueryAsync<string>("select s::text from console_sessions s"));

        columns.ShouldBe(["key_hash", "ticket", "created_at", "renewed_at", "expires_at", "account_id", "ends_at"]);
        rows.ShouldNotBeEmpty();
        rows.ShouldNotContain("127.0.0.1");
        rows.ShouldNotContain("ProbeBrowser");
        rows.ShouldNotContain("SessionProbe");
    }

    private async Task<HttpResponseMessage> Replay(string cookies, string path)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _portal.Address };
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookies);
        return await client.SendAsync(request);
    }
}
