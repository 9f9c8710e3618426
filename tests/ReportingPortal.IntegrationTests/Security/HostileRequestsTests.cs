using System.Net;
using System.Text;

namespace ReportingPortal.IntegrationTests.Security;

/// <summary>Odd addresses, query strings, headers and bodies on every route get a 2xx, 3xx or 4xx, never a 500.</summary>
public sealed class HostileRequestsTests
{
    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal() => _portal = await Portal.Shared();

    private static TestCaseData Case(string why, params object[] arguments) =>
        new TestCaseData([why, .. arguments]).SetArgDisplayNames(why);

    /// <summary>Return URLs as they appear, escaped, in the query string.</summary>
    private static readonly TestCaseData[] ReturnUrlsElsewhere =
    [
        Case("a slash and a backslash", "/%5Cx"),
        Case("two slashes", "//evil.example"),
        Case("a slash and two backslashes", "/%5C%5Cevil.example"),
        Case("an escaped pair of slashes", "%2F%2Fevil.example"),
        Case("three slashes", "///evil.example"),
        Case("a slash, a tab and a slash", "/%09/evil.example"),
        Case("a slash and a line break", "/%0D%0Aevil.example"),
        Case("an absolute http URL", "http://evil.example"),
        Case("an absolute https URL", "https%3A%2F%2Fevil.example%2Freport"),
        Case("a script URL", "javascript:alert(1)"),
        Case("a relative path", "learn"),
        Case("a backslash", "%5C%5Cevil.example"),
        Case("empty", ""),
    ];

    [TestCaseSource(nameof(ReturnUrlsElsewhere))]
    public async Task ChoosingALanguageWithAReturnUrlOffThePortalGoesToTheHomePage(string why, string returnUrl)
    {
        using var visitor = _portal.NewSession();

        var response = await visitor.Get($"/language/fr?returnUrl={returnUrl}");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, why);
        response.Headers.Location.ShouldNotBeNull().OriginalString.ShouldBe("/", why);
        visitor.Cookies.GetCookies(_portal.Address)[Languages.CookieName].ShouldNotBeNull(why).Value.ShouldContain("fr");
    }

    [Test]
    public async Task ChoosingALanguageGoesBackToThePageItWasChosenOn()
    {
        using var visitor = _portal.NewSession();

        var response = await visitor.Get($"/language/ar?returnUrl={Uri.EscapeDataString("/learn/risks?x=1")}");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location.ShouldNotBeNull().OriginalString.ShouldBe("/learn/risks?x=1");
    }

    private static readonly string Long = new('a', 4000);

    /// <summary>Every route the portal maps, with a real value for each of its parameters.</summary>
    private static readonly string[] Routes =
    [
        "/", "/report", "/report/receipt", "/learn", "/learn/risks", "/learn/children/risks", "/help", "/error/404",
        "/console/sign-in", "/console/enrol", "/console/account", "/console/accounts", "/console/mail", "/jobs", "/language/fr", "/captcha/challenge", "/health",
    ];

    /// <summary>Odd values in the places a route takes them from.</summary>
    private static readonly string[] OddPaths =
    [
        "/learn/%00", "/learn/..%2F..%2Fappsettings.json", "/learn/" + Long, "/learn/children/%E2%80%AE%E2%80%8B",
        "/learn/children/..%5C..%5Cweb.config", "/language/zz", "/language/fr-FR", "/language/FR", "/language/" + Long,
        "/language/%00", "/language/ar%0D%0ASet-Cookie:%20x=1", "/language/%E2%80%AEar", "/language/en-US-x-private",
        "/error/2147483648", "/error/-1", "/error/0", "/error/200", "/error/999", "/error/500", "/error/" + Long,
        "/report/receipt/%2e%2e", "/report/%2e%2e/health", "/%C0%AF", "/%FF%FE", "/" + Long,
    ];

    private static readonly string[] OddQueries =
    [
        "?returnUrl=/%5Cx", "?returnUrl=" + Long, "?returnUrl=%E2%80%AE%00", "?handler=SignOut", "?handler=%00",
        "?handler=" + Long, "?culture=xx-INVALID&ui-culture=%00", "?culture=" + Long, "?code=-1&slug=..%2F..",
        "?a=%FF%FE%ED%A0%80", "?%%%ZZ%=%", "?" + string.Join('&', Enumerable.Range(0, 300).Select(i => $"k{i}=v")),
        "?Form.Category=999&Go=language:xx&Step=%00",
    ];

    [Test]
    public async Task NoRouteAnswersOddAddressesOrQueryStringsWithAServerError()
    {
        using var visitor = _portal.NewSession();
        var addresses = OddPaths.Concat(from route in Routes from query in OddQueries select route + query);
        var failures = new List<string>();

        foreach (var address in addresses)
        {
            var response = await visitor.Get(address);
            if ((int)response.StatusCode >= 500)
                failures.Add($"{(int)response.StatusCode} GET {Shorten(address)}");
        }

        failures.ShouldBeEmpty();
        _portal.IsRunning.ShouldBeTrue();
    }

    private static readonly (string Name, string Value)[] OddHeaders =
    [
        ("Accept-Language", "zz-ZZZZ-invalid, *;q=x, ar;q=1.5, " + Long),
        ("Cookie", $"{Languages.CookieName}=c%3D%00%7Cuic%3D..%2F..%2Fx"),
        ("Cookie", $"{Languages.CookieName}=c=xx-YY|uic=" + Long),
        ("Cookie", "rp-antiforgery=not-a-token; rp-receipt=not-protected; rp-console=forged"),
        ("X-Forwarded-For", "not-an-address, 999.1.1.1"),
        ("X-Forwarded-Proto", "gopher"),
    ];

    [Test]
    public async Task NoRouteAnswersOddHeadersWithAServerError()
    {
        // Without a cookie container, so the Cookie header goes out as written.
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = _portal.Address };
        var failures = new List<string>();

        foreach (var route in Routes)
        foreach (var (name, value) in OddHeaders)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, route);
            request.Headers.TryAddWithoutValidation(name, value).ShouldBeTrue(name);
            var response = await client.SendAsync(request);
            if ((int)response.StatusCode >= 500)
                failures.Add($"{(int)response.StatusCode} GET {route} with {name}: {Shorten(value)}");
        }

        failures.ShouldBeEmpty();
    }

    [Test]
    public async Task NoRouteAnswersAPostWithOddFormsWithAServerError()
    {
        var bodies = new[] { "", "a=%FF%FE", "Go=language:" + Long, "__RequestVerificationToken=" + Long, "%%%=%%%" };
        var failures = new List<string>();

        foreach (var route in Routes.Concat(OddPaths))
        foreach (var body in bodies)
        {
            using var visitor = _portal.NewSession();
            var response = await visitor.Client.PostAsync(route,
                new ByteArrayContent(Encoding.ASCII.GetBytes(body)) { Headers = { { "Content-Type", "application/x-www-form-urlencoded" } } });
            if ((int)response.StatusCode >= 500)
                failures.Add($"{(int)response.StatusCode} POST {Shorten(route)} with {Shorten(body)}");
        }

        failures.ShouldBeEmpty();
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + $"… ({text.Length} characters)";

    [Test]
    public async Task AReportLargerThanTheLimitIsAnsweredWith413AndAKindPage()
    {
        using var visitor = _portal.NewSession();
        var body = await OversizedReport(visitor);
        var before = await StoredReport.Count();

        var response = await visitor.Client.PostAsync("/report",
            new ByteArrayContent(body) { Headers = { { "Content-Type", "application/x-www-form-urlencoded" } } });

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).ShouldContain("too long for us to accept");
        (await StoredReport.Count()).ShouldBe(before, "nothing was stored");
    }

    [Test]
    public async Task AReportLargerThanTheLimitSentInChunksIsAnsweredWith413Too()
    {
        using var visitor = _portal.NewSession();
        var body = await OversizedReport(visitor);

        // A stream of unknown length goes out with Transfer-Encoding: chunked and no Content-Length.
        var response = await visitor.Client.PostAsync("/report",
            new StreamContent(new UnknownLengthStream(body)) { Headers = { { "Content-Type", "application/x-www-form-urlencoded" } } });

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).ShouldContain("too long for us to accept");
    }

    /// <summary>A whole report, with its antiforgery token and a solved captcha, whose description is over 256 KB.</summary>
    private static async Task<byte[]> OversizedReport(PortalSession visitor)
    {
        var fields = await visitor.FillReportForm(ReportAnswers.Anonymous(new string('a', 300 * 1024)));
        return Encoding.ASCII.GetBytes(string.Join('&', fields.Select(field => $"{Uri.EscapeDataString(field.Key)}={Uri.EscapeDataString(field.Value)}")));
    }

    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
