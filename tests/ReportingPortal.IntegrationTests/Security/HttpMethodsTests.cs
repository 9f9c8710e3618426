using System.Net;

namespace ReportingPortal.IntegrationTests.Security;

/// <summary>Every page answers only the methods it has: anything else is 405 with an Allow header, never the page.</summary>
public sealed class HttpMethodsTests
{
    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal() => _portal = await Portal.Shared();

    /// <summary>Every public page, and the methods it answers.</summary>
    private static readonly (string Path, string Allow)[] Pages =
    [
        ("/", "GET, HEAD"),
        ("/report", "GET, HEAD, POST"),
        ("/report/receipt", "GET, HEAD"),
        ("/learn", "GET, HEAD"),
        ("/learn/risks", "GET, HEAD"),
        ("/learn/children/risks", "GET, HEAD"),
        ("/help", "GET, HEAD"),
        ("/error/404", "GET, HEAD"),
        ("/console/sign-in", "GET, HEAD, POST"),
        ("/console/enrol", "GET, HEAD, POST"),
    ];

    private static readonly string[] OtherMethods = ["PUT", "DELETE", "PATCH", "TRACE"];

    private static IEnumerable<TestCaseData> PagesWithOtherMethods() =>
        from page in Pages
        from method in OtherMethods
        select new TestCaseData(method, page.Path, page.Allow).SetArgDisplayNames(method, page.Path);

    [TestCaseSource(nameof(PagesWithOtherMethods))]
    public async Task AMethodAPageDoesNotHaveIsAnsweredWith405AndTheMethodsItHas(string method, string path, string allow)
    {
        using var visitor = _portal.NewSession();

        var response = await visitor.Send(new HttpRequestMessage(new HttpMethod(method), path));

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed, $"{method} {path}");
        string.Join(", ", response.Content.Headers.Allow).ShouldBe(allow);
        var page = await PortalSession.Parse(response);
        page.QuerySelector("form[method=post] input[name='Form.FormKey']").ShouldBeNull("the form is not shown");
        page.QuerySelector("h1").ShouldNotBeNull("a kind page explains").TextContent.ShouldNotBeNullOrWhiteSpace();
    }

    [TestCaseSource(nameof(PagePaths))]
    [TestCase("/language/fr")]
    [TestCase("/captcha/challenge")]
    public async Task OptionsIsAnsweredWith405AndTheMethodsThePathHas(string path)
    {
        using var visitor = _portal.NewSession();

        var response = await visitor.Send(new HttpRequestMessage(HttpMethod.Options, path));

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed, $"OPTIONS {path}");
        response.Content.Headers.Allow.ShouldContain("GET");
        response.Content.Headers.Allow.ShouldNotContain("OPTIONS");
    }

    private static IEnumerable<TestCaseData> PagePaths() =>
        Pages.Select(page => new TestCaseData(page.Path).SetArgDisplayNames(page.Path));

    [TestCaseSource(nameof(PagePaths))]
    public async Task HeadStillAnswersEveryPageAsGetDoes(string path)
    {
        using var visitor = _portal.NewSession();

        var head = await visitor.Send(new HttpRequestMessage(HttpMethod.Head, path));
        var get = await visitor.Get(path);

        head.StatusCode.ShouldBe(get.StatusCode, path);
        ((int)head.StatusCode).ShouldBeLessThan(500);
        head.Content.Headers.ContentType?.MediaType.ShouldBe(get.Content.Headers.ContentType?.MediaType);
    }

    [TestCase("/language/fr", "GET")]
    [TestCase("/captcha/challenge", "GET")]
    public async Task EndpointsOutsideThePagesAnswerOtherMethodsWith405Too(string path, string allow)
    {
        using var visitor = _portal.NewSession();

        foreach (var method in OtherMethods.Append("POST"))
        {
            var response = await visitor.Send(new HttpRequestMessage(new HttpMethod(method), path));

            response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed, $"{method} {path}");
            string.Join(", ", response.Content.Headers.Allow).ShouldContain(allow);
        }
    }
}
