using System.Net;

namespace ReportingPortal.IntegrationTests.Security;

public sealed class HeadersTests
{
    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal() => _portal = await Portal.Shared();

    private static readonly string[] PublicPaths =
        ["/", "/report", "/report/receipt", "/error/404", "/no-such-page", "/captcha/challenge", "/css/site.css", "/lib/altcha/altcha.js", "/lib/altcha/worker.js"];

    [TestCaseSource(nameof(PublicPaths))]
    public async Task EveryPublicResponseCarriesTheSecurityHeaders(string path)
    {
        using var visitor = _portal.NewSession();

        ShouldCarryTheSecurityHeaders(await visitor.Get(path), path);
    }

    [Test]
    public async Task ARefusedFormTheReceiptAndItsRedirectCarryThemTooAndAreNeverStored()
    {
        using var visitor = _portal.NewSession();
        var refused = await visitor.SendReport(ReportAnswers.Anonymous().Without("Category"));
        var redirect = await visitor.SendReport(ReportAnswers.Anonymous("Headers on the receipt."));
        var receipt = await visitor.ReadReceipt(redirect);

        foreach (var response in new[] { refused, redirect, receipt.Response })
        {
            ShouldCarryTheSecurityHeaders(response, response.RequestMessage!.RequestUri!.AbsolutePath);
            response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        }
    }

    [TestCase("/")]
    [TestCase("/report")]
    [TestCase("/report/receipt")]
    [TestCase("/error/404")]
    [TestCase("/console/sign-in")]
    [TestCase("/console/enrol?token=unknown")]
    public async Task PagesHaveNoInlineScriptOrStyleAndLoadNothingFromAnotherHost(string path)
    {
        using var visitor = _portal.NewSession();

        var (_, page) = await visitor.GetPage(path);

        page.QuerySelectorAll("script:not([src])").ShouldBeEmpty();
        page.QuerySelectorAll("style, [style]").ShouldBeEmpty();
        page.QuerySelectorAll("[src], link[href]").Select(element => element.GetAttribute("src") ?? element.GetAttribute("href"))
            .ShouldAllBe(url => url!.StartsWith('/') && !url.StartsWith("//"));
    }

    [Test]
    public async Task TheJobDashboardGetsAPolicyItsInlineScriptsCanRunUnder()
    {
        using var operatorSession = _portal.NewSession();
        (await operatorSession.SignInToConsole(await ConsoleAccounts.Create(_portal, administrator: true))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var dashboard = await operatorSession.Get("/jobs");

        dashboard.StatusCode.ShouldBe(HttpStatusCode.OK);
        var policy = string.Join(' ', dashboard.Headers.GetValues("Content-Security-Policy"));
        policy.ShouldContain("script-src 'self' 'unsafe-inline'");
        policy.ShouldContain("frame-ancestors 'none'");
        dashboard.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var mail = await operatorSession.Get("/console/mail");
        mail.StatusCode.ShouldBe(HttpStatusCode.OK);
        mail.Headers.CacheControl!.NoStore.ShouldBeTrue();
        string.Join(' ', mail.Headers.GetValues("Content-Security-Policy")).ShouldNotContain("unsafe-inline");
    }

    [Test]
    public async Task PlainHttpGetsNoStrictTransportSecurityAndForwardedHeadersFromStrangersAreIgnored()
    {
        using var visitor = _portal.NewSession().Through("203.0.113.9", "https");
        var request = new HttpRequestMessage(HttpMethod.Get, "/report");
        request.Headers.Host = "portal.test";

        var response = await visitor.Client.SendAsync(request);

        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        SetCookies(response).ShouldContain(cookie => cookie.StartsWith("rp-antiforgery="), "no proxy is trusted by default");
        SetCookies(response).ShouldNotContain(cookie => cookie.Contains("secure"));
    }

    private static void ShouldCarryTheSecurityHeaders(HttpResponseMessage response, string path)
    {
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        policy.ShouldStartWith("default-src 'none';", customMessage: path);
        foreach (var directive in new[] { "script-src 'self';", "style-src 'self';", "connect-src 'self';", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'" })
            policy.ShouldContain(directive, customMessage: path);
        policy.ShouldNotContain("unsafe-inline", customMessage: path);
        policy.ShouldNotContain("http", customMessage: path);
        Header(response, "Referrer-Policy").ShouldBe("no-referrer", path);
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff", path);
        Header(response, "Cross-Origin-Opener-Policy").ShouldBe("same-origin", path);
        Header(response, "Permissions-Policy").ShouldContain("camera=()", customMessage: path);
        Header(response, "Permissions-Policy").ShouldContain("geolocation=()", customMessage: path);
        Header(response, "X-Frame-Options").ShouldBe("DENY", path);
        response.Headers.Contains("Server").ShouldBeFalse(path);
        if (!path.StartsWith("/css/") && !path.StartsWith("/lib/"))
            response.Headers.CacheControl!.NoStore.ShouldBeTrue(path);
    }

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(", ", contentValues) : "";

    public static IReadOnlyList<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.ToList() : [];
}
