using Microsoft.Playwright;

namespace ReportingPortal.IntegrationTests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright, launched once per run. Every browser context refuses (and records)
/// any request to a host other than the loopback portal, so a public page that loads something from elsewhere fails.
/// </summary>
public static class Browsers
{
    private static readonly SemaphoreSlim Lock = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    public static async Task<BrowserSession> Open(Uri portal, string language = "en", bool javaScript = true, int width = 1280)
    {
        var browser = await Chromium();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.ToString(),
            Locale = language,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = language },
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        var session = new BrowserSession(context);
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme is "data" or "blob" || url.Authority == portal.Authority || session.AllowedHosts.Contains(url.Authority))
            {
                await route.ContinueAsync();
                return;
            }
            session.OtherHosts.Add(route.Request.Url);
            await route.AbortAsync();
        });
        return session;
    }

    private static async Task<IBrowser> Chromium()
    {
        await Lock.WaitAsync();
        try
        {
            _playwright ??= await Playwright.CreateAsync();
            return _browser ??= await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
            });
        }
        finally
        {
            Lock.Release();
        }
    }

    public static async Task Stop()
    {
        if (_browser is not null)
            await _browser.CloseAsync();
        _playwright?.Dispose();
        _browser = null;
        _playwright = null;
    }
}

public sealed class BrowserSession(IBrowserContext context) : IAsyncDisposable
{
    public IBrowserContext Context { get; } = context;

    /// <summary>Requests the pages tried to make to other hosts (refused).</summary>
    public List<string> OtherHosts { get; } = [];

    /// <summary>Hosts (host:port) a test lets through, such as the neutral site of the quick exit.</summary>
    public HashSet<string> AllowedHosts { get; } = [];

    public Task<IPage> NewPage() => Context.NewPageAsync();

    /// <summary>A new page signed in to the console as <paramref name="account"/>, through the sign-in form as a person would.</summary>
    public async Task<IPage> SignInToConsole(TestAccount account)
    {
        var page = await NewPage();
        await page.GotoAsync("/console/sign-in");
        await page.FillAsync("#Email", account.Email);
        await page.FillAsync("#Password", account.Password);
        await page.FillAsync("#Code", await ConsoleAccounts.NextCode(account));
        await page.PressAsync("#Code", "Enter");
        await page.WaitForURLAsync(url => !url.Contains("/console/sign-in", StringComparison.Ordinal));
        return page;
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
