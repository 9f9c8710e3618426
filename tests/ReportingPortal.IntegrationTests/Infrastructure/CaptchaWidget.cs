using Microsoft.Playwright;

namespace ReportingPortal.IntegrationTests.Infrastructure;

/// <summary>The self-hosted captcha's widget in a browser page, solved as a person would leave it to solve.</summary>
public static class CaptchaWidget
{
    private const string Solved = "() => document.querySelector(\"input[name=altcha]\")?.value?.length > 0";

    /// <summary>The widget starts on focus in the form; it is pressed only when it has not started by itself.</summary>
    public static async Task Solve(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync(Solved, null, new PageWaitForFunctionOptions { Timeout = 5000 });
        }
        catch (TimeoutException)
        {
            await page.ClickAsync("altcha-widget input[type=checkbox]");
            await page.WaitForFunctionAsync(Solved);
        }
    }
}
