using System.Net;
using Dapper;

namespace ReportingPortal.IntegrationTests.Operators;

/// <summary>An operator's session lives on the server, so signing out ends it even for a copy of the cookie.</summary>
public sealed class OperatorSessionTests
{
    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal() => _portal = await Portal.Shared();

    [TestCase("/operators/mail")]
    [TestCase("/jobs")]
    public async Task ACookieSavedBeforeSigningOutOpensNothingAfterwards(string path)
    {
        using var operatorSession = _portal.NewSession();
        (await operatorSession.SignInAsOperator()).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = operatorSession.Cookies.GetCookieHeader(_portal.Address);
        (await Replay(saved, path)).StatusCode.ShouldBe(HttpStatusCode.OK, "the saved cookie opens the page while signed in");

        (await operatorSession.SignOutAsOperator()).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var replayed = await Replay(saved, path);

        replayed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        replayed.Headers.Location!.OriginalString.ShouldStartWith("/operators/login?ReturnUrl=");
    }

    [Test]
    public async Task SigningOutEndsOnlyThatSession()
    {
        using var first = _portal.NewSession();
        using var second = _portal.NewSession();
        await first.SignInAsOperator();
        await second.SignInAsOperator();

        await first.SignOutAsOperator();

        (await second.Get("/operators/mail")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.Get("/operators/mail")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Test]
    public async Task AnExpiredSessionIsRefusedAndRemoved()
    {
        using var operatorSession = _portal.NewSession();
        await operatorSession.SignInAsOperator();
        await using var connection = await TestDatabase.OpenDatabase(_portal.ConnectionString);
        var expired = await connection.ExecuteAsync("""
            update operator_sessions set expires_at = now() - interval '1 second'
            where created_at = (select max(created_at) from operator_sessions)
            """);
        expired.ShouldBe(1);

        var response = await operatorSession.Get("/operators/mail");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await connection.ExecuteScalarAsync<long>("select count(*) from operator_sessions where expires_at <= now()")).ShouldBe(0);
    }

    [Test]
    public async Task TheSessionsTableHoldsNoClientAddressOrUserAgent()
    {
        const string userAgent = "Mozilla/5.0 (SessionProbe; rv:7.3) ProbeBrowser/7.3-5e2a";
        using var operatorSession = _portal.NewSession();
        operatorSession.Client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        await operatorSession.SignInAsOperator();
        (await operatorSession.Get("/operators/mail")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var connection = await TestDatabase.OpenDatabase(_portal.ConnectionString);
        var columns = await connection.QueryAsync<string>(
            "select column_name from information_schema.columns where table_name = 'operator_sessions' order by ordinal_position");
        var rows = string.Join('\n', await connection.QueryAsync<string>("select s::text from operator_sessions s"));

        columns.ShouldBe(["key_hash", "ticket", "created_at", "renewed_at", "expires_at"]);
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
