using Microsoft.Playwright;

namespace ReportingPortal.IntegrationTests.Browser;

/// <summary>Every public page, in every language: accessible, light, and loading nothing from other hosts.</summary>
[Category("Browser")]
public sealed class PublicPagesTests
{
    private const int PageBudgetBytes = 60 * 1024;

    private static readonly string[] Languages = ["en", "fr", "es", "ar"];

    private static readonly string[] Slugs = ["what-it-looks-like", "risks", "how-to-report", "after-a-report", "who-is-responsible"];

    private static readonly string[] StaticPages =
        ["/", "/help", "/learn", "/statistics", "/no-such-page", .. Slugs.Select(slug => $"/learn/{slug}"), .. Slugs.Select(slug => $"/learn/children/{slug}")];

    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal() => _portal = await Portal.Shared();

    [TestCaseSource(nameof(Languages))]
    public async Task AxeFindsNoViolationsOnAnyPublicPage(string language)
    {
        await using var browser = await Browsers.Open(_portal.Address, language);
        var page = await browser.NewPage();
        var problems = new List<string>();

        foreach (var path in StaticPages)
        {
            await page.GotoAsync(path);
            problems.AddRange(await AxeChecks.Violations(page, path));
        }
        await foreach (var (state, _) in WalkTheForm(page))
            problems.AddRange(await AxeChecks.Violations(page, state));

        problems.ShouldBeEmpty();
        browser.OtherHosts.ShouldBeEmpty("public pages load nothing from other hosts");
    }

    [TestCaseSource(nameof(Languages))]
    public async Task EveryPublicPageWeighsAtMost60KilobytesAndFitsA360PixelScreen(string language)
    {
        await using var browser = await Browsers.Open(_portal.Address, language, width: 360);
        var page = await browser.NewPage();
        var weights = new List<string>();

        foreach (var path in StaticPages.Append("/report"))
        {
            var transferred = await Transferred(page, () => page.GotoAsync(path));
            weights.Add($"{path} {transferred} bytes");
            transferred.ShouldBeLessThanOrEqualTo(PageBudgetBytes, path);
            (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360, path);
        }
        TestContext.Out.WriteLine(string.Join('\n', weights));
    }

    [Test]
    public async Task PagesAreCompressed()
    {
        using var visitor = _portal.NewSession();
        var request = new HttpRequestMessage(HttpMethod.Get, "/learn/how-to-report");
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");

        var response = await visitor.Send(request);

        response.Content.Headers.ContentEncoding.ShouldNotBeEmpty();
    }

    /// <summary>Goes through each step of the form, one with errors shown, the check step and the receipt.</summary>
    private static async IAsyncEnumerable<(string State, IPage Page)> WalkTheForm(IPage page)
    {
        await page.GotoAsync("/report");
        yield return ("/report step 1", page);
        await page.ClickAsync("form button[name=Go][value=next]");
        yield return ("/report step 1 with an error", page);
        await page.CheckAsync("#Form_ReporterRole_ChildAboutThemselves");
        await page.ClickAsync("form button[name=Go][value=next]");
        yield return ("/report step 2 for a child", page);
        await page.CheckAsync("#Form_Category_Grooming");
        await page.FillAsync("#Form_Description", "Accessibility walk.");
        await page.ClickAsync("form button[name=Go][value=next]");
        await page.CheckAsync("#Form_When_NotSure");
        await page.ClickAsync("form button[name=Go][value=next]");
        await page.CheckAsync("#Form_ChildAge_NotSure");
        await page.CheckAsync("#Form_ChildInDanger_NotSure");
        await page.ClickAsync("form button[name=Go][value=next]");
        yield return ("/report contact step", page);
        await page.CheckAsync("#Form_Contact_Anonymous");
        await page.ClickAsync("form button[name=Go][value=next]");
        yield return ("/report check step", page);
        await page.ClickAsync("button[name=Go][value=send]");
        await page.WaitForURLAsync("**/report/receipt");
        yield return ("/report/receipt", page);
    }

    private static async Task<long> Transferred(IPage page, Func<Task> load)
    {
        var requests = new List<IRequest>();
        void Track(object? sender, IRequest request) => requests.Add(request);
        page.RequestFinished += Track;
        await load();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        page.RequestFinished -= Track;
        long total = 0;
        foreach (var request in requests)
        {
            var sizes = await request.SizesAsync();
            total += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
        }
        return total;
    }
}
