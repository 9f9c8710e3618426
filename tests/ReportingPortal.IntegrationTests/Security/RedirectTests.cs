using System.Net;

namespace ReportingPortal.IntegrationTests.Security;

/// <summary>The Host header is the client's to choose: no redirect may send a browser to the host it names.</summary>
public sealed class RedirectTests
{
    private const string ForeignHost = "evil.example";

    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal() => _portal = await Portal.Shared();

    [TestCase("/jobs")]
    [TestCase("/console/mail")]
    public async Task AForeignHostNameNeverEndsUpInARedirect(string path)
    {
        using var visitor = _portal.NewSession();
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = ForeignHost;

        var response = await visitor.Send(request);

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.Redirect);
        (response.Headers.Location?.OriginalString ?? "").ShouldNotContain(ForeignHost);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain(ForeignHost);
    }

    [Test]
    public async Task AHostNameOutsideAllowedHostsIsRefused()
    {
        using var visitor = _portal.NewSession();
        var request = new HttpRequestMessage(HttpMethod.Get, "/report");
        request.Headers.Host = ForeignHost;

        var response = await visitor.Send(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [TestCase("/jobs", "/console/sign-in?ReturnUrl=%2Fjobs")]
    [TestCase("/jobs/recurring", "/console/sign-in?ReturnUrl=%2Fjobs%2Frecurring")]
    [TestCase("/console/mail", "/console/sign-in?ReturnUrl=%2Fconsole%2Fmail")]
    [TestCase("/console/account", "/console/sign-in?ReturnUrl=%2Fconsole%2Faccount")]
    public async Task TheSignInRedirectIsRelative(string path, string signIn)
    {
        using var visitor = _portal.NewSession();

        var response = await visitor.Get(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe(signIn);
    }

    [Test]
    public async Task TheSignInRedirectIsRelativeOnTheConfiguredPublicHostNameToo()
    {
        using var visitor = _portal.NewSession();
        var request = new HttpRequestMessage(HttpMethod.Get, "/console/mail");
        request.Headers.Host = "portal.test";

        var response = await visitor.Send(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/console/sign-in?ReturnUrl=%2Fconsole%2Fmail");
    }

    [Test]
    public async Task EveryOtherRedirectOfThePortalIsRelative()
    {
        using var visitor = _portal.NewSession();
        var receipt = await visitor.SendReport(ReportAnswers.Anonymous("Only relative redirects."));
        var language = await visitor.Get("/language/fr?returnUrl=/learn");
        var signedIn = await visitor.SignInToConsole(await ConsoleAccounts.Create(_portal));
        var signedOut = await visitor.SignOutOfConsole();

        receipt.Headers.Location!.OriginalString.ShouldBe("/report/receipt");
        language.Headers.Location!.OriginalString.ShouldBe("/learn");
        signedIn.Headers.Location!.OriginalString.ShouldBe("/console");
        signedOut.Headers.Location!.OriginalString.ShouldBe("/console/sign-in");
    }
}
