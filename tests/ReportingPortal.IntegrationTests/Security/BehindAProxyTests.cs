using System.Net;

namespace ReportingPortal.IntegrationTests.Security;

/// <summary>The portal behind a TLS-terminating reverse proxy it is configured to trust.</summary>
public sealed class BehindAProxyTests
{
    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal() =>
        _portal = await Portal.Start(new Dictionary<string, string> { ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1" });

    [OneTimeTearDown]
    public async Task Stop() => await _portal.DisposeAsync();

    [Test]
    public async Task OverHttpsEveryCookieIsSecureHostOnlyStrictAndHttpOnly()
    {
        using var visitor = _portal.NewSession();
        var form = await Send(visitor, HttpMethod.Get, "/report");
        var antiforgery = HeadersTests.SetCookies(form).Single(cookie => cookie.StartsWith("__Host-rp-antiforgery="));
        var page = await PortalSession.Parse(form);
        var fields = PortalSession.HiddenFields(page);
        foreach (var (name, value) in ReportAnswers.Anonymous("Sent over HTTPS through the proxy."))
            fields[name] = value;
        fields["altcha"] = AltchaSolver.Solved(await AltchaSolver.Fetch(visitor.Client, "/captcha/challenge"));

        var sent = await Send(visitor, HttpMethod.Post, "/report", new FormUrlEncodedContent(fields), antiforgery.Split(';')[0]);

        sent.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var receipt = HeadersTests.SetCookies(sent).Single(cookie => cookie.StartsWith("__Host-rp-receipt="));
        var resend = HeadersTests.SetCookies(sent).Single(cookie => cookie.StartsWith("__Host-rp-resend="));
        resend.ToLowerInvariant().ShouldContain("; max-age=300", customMessage: "the same-browser resend window is short");
        var consoleCookie = HeadersTests.SetCookies(await SignIn(visitor)).Single(cookie => cookie.StartsWith("__Host-rp-console="));
        foreach (var cookie in new[] { antiforgery, receipt, resend, consoleCookie })
        {
            var attributes = cookie.ToLowerInvariant();
            attributes.ShouldContain("; secure");
            attributes.ShouldContain("; samesite=strict");
            attributes.ShouldContain("; httponly");
            attributes.ShouldContain("; path=/");
            attributes.ShouldNotContain("domain=");
        }
    }

    [Test]
    public async Task OverHttpsResponsesCarryStrictTransportSecurity()
    {
        using var visitor = _portal.NewSession();

        var response = await Send(visitor, HttpMethod.Get, "/");

        HeadersTests.Header(response, "Strict-Transport-Security").ShouldBe("max-age=31536000; includeSubDomains");
    }

    [Test]
    public async Task OverPlainHttpCookiesKeepTheirPlainNamesSoTheSiteStillWorks()
    {
        using var visitor = _portal.NewSession();

        var receipt = await visitor.SubmitReport(ReportAnswers.Anonymous("Sent over plain HTTP."));

        receipt.Reference.ShouldNotBeEmpty();
        visitor.Cookies.GetAllCookies().Select(cookie => cookie.Name).ShouldContain("rp-antiforgery");
        visitor.Cookies.GetAllCookies().ShouldAllBe(cookie => !cookie.Secure);
    }

    private static Task<HttpResponseMessage> Send(PortalSession visitor, HttpMethod method, string path,
        HttpContent? content = null, string? cookie = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Host = "portal.test";
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "198.51.100.20");
        if (cookie is not null)
            request.Headers.Add("Cookie", cookie);
        return visitor.Client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> SignIn(PortalSession visitor)
    {
        var account = await ConsoleAccounts.Create(_portal);
        var form = await Send(visitor, HttpMethod.Get, "/console/sign-in");
        var antiforgery = HeadersTests.SetCookies(form).Single(cookie => cookie.StartsWith("__Host-rp-antiforgery=")).Split(';')[0];
        var fields = (await PortalSession.Parse(form)).QuerySelectorAll("form input[name]")
            .ToDictionary(input => input.GetAttribute("name")!, input => input.GetAttribute("value") ?? "");
        fields["Email"] = account.Email;
        fields["Password"] = account.Password;
        fields["Code"] = await ConsoleAccounts.NextCode(account);
        var response = await Send(visitor, HttpMethod.Post, "/console/sign-in", new FormUrlEncodedContent(fields), antiforgery);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return response;
    }
}
