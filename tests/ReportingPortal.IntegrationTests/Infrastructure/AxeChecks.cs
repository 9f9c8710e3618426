using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ReportingPortal.IntegrationTests.Infrastructure;

/// <summary>axe-core run on a page with the WCAG 2.2 AA rules and best practices; each violation as a line that says where.</summary>
public static class AxeChecks
{
    public static async Task<IEnumerable<string>> Violations(IPage page, string where)
    {
        // A click that sends a form returns once the next page's response arrives; its stylesheet may still be loading,
        // and axe would then measure unstyled links (a busy machine made target-size fail that way).
        await page.WaitForLoadStateAsync(LoadState.Load);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        });
        return result.Violations.Select(violation =>
            $"{where}: {violation.Id} ({violation.Help}) at {string.Join(", ", violation.Nodes.Select(node => node.Target?.ToString()))}");
    }
}
