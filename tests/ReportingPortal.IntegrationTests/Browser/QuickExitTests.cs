using System.Net;
using System.Text;

namespace ReportingPortal.IntegrationTests.Browser;

[Category("Browser")]
public sealed class QuickExitTests
{
    private HttpListener _neutralSite = null!;
    private Uri _neutral = null!;
    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortalWithALocalNeutralSite()
    {
        var port = LoopbackPorts.Pick();
        _neutral = new Uri($"http://127.0.0.1:{port}/weather");
        _neutralSite = new HttpListener();
        _neutralSite.Prefixes.Add($"http://127.0.0.1:{port}/");
        _neutralSite.Start();
        _ = Task.Run(async () =>
        {
            while (_neutralSite.IsListening)
            {
                var context = await _neutralSite.GetContextAsync();
                var body = Encoding.UTF8.GetBytes("<!DOCTYPE html><title>Weather</title><h1>Sunny spells</h1>");
                context.Response.ContentType = "text/html";
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        });
        _portal = await Portal.Start(new Dictionary<string, string> { ["QuickExit__Url"] = _neutral.ToString() });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _portal.DisposeAsync();
        _neutralSite.Close();
    }

    [Test]
    public async Task QuickExitReplacesThePageAndKeepsItOutOfTheBackButtonHistory()
    {
        await using var browser = await Browsers.Open(_portal.Address);
        browser.AllowedHosts.Add(_neutral.Authority);
        var page = await browser.NewPage();
        await page.GotoAsync("/");
        await page.GotoAsync("/learn/risks");

        await page.ClickAsync("[data-quick-exit]");
        await page.WaitForURLAsync(_neutral.ToString());
        await page.GoBackAsync();

        page.Url.ShouldBe(new Uri(_portal.Address, "/").ToString(), "the page left is gone from the history; back goes to the one before it");
    }

    [Test]
    public async Task PressingShiftThreeTimesLeavesQuickly()
    {
        await using var browser = await Browsers.Open(_portal.Address);
        browser.AllowedHosts.Add(_neutral.Authority);
        var page = await browser.NewPage();
        await page.GotoAsync("/report");

        for (var i = 0; i < 3; i++)
            await page.Keyboard.PressAsync("Shift");

        await page.WaitForURLAsync(_neutral.ToString());
        (await page.TitleAsync()).ShouldBe("Weather");
    }

    [Test]
    public async Task WithoutJavaScriptTheQuickExitIsAPlainLinkToTheNeutralSite()
    {
        await using var browser = await Browsers.Open(_portal.Address, javaScript: false);
        browser.AllowedHosts.Add(_neutral.Authority);
        var page = await browser.NewPage();
        await page.GotoAsync("/help");

        await page.ClickAsync("[data-quick-exit]");

        await page.WaitForURLAsync(_neutral.ToString());
    }
}
