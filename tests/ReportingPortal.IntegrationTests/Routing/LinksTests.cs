using System.Net;
using ReportingPortal.Web;

namespace ReportingPortal.IntegrationTests.Routing;

public sealed class LinksTests
{
    [Test]
    public async Task EveryLinkOnThePublicPagesLeadsToAPageOfThePortal()
    {
        var portal = await Portal.Shared();
        using var visitor = portal.NewSession();
        var toVisit = new Queue<string>([Routes.Home]);
        var seen = new HashSet<string>(toVisit);

        while (toVisit.TryDequeue(out var path))
        {
            var (response, page) = await visitor.GetPage(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            foreach (var href in page.QuerySelectorAll("a[href^='/']").Select(link => link.GetAttribute("href")!))
            {
                // A language link answers with a redirect back to the page it was on.
                if (href.StartsWith("/language/", StringComparison.Ordinal))
                {
                    var chosen = await visitor.Client.GetAsync(href);
                    chosen.StatusCode.ShouldBe(HttpStatusCode.Redirect, href);
                    chosen.Headers.Location!.OriginalString.ShouldBe(path, href);
                }
                // The quick exit leaves the portal for the neutral site.
                else if (href == Routes.Exit)
                {
                    var exit = await visitor.Client.GetAsync(href);
                    exit.StatusCode.ShouldBe(HttpStatusCode.SeeOther, href);
                    exit.Headers.Location!.IsAbsoluteUri.ShouldBeTrue(href);
                }
                else if (seen.Add(href))
                {
                    toVisit.Enqueue(href);
                }
            }
        }

        seen.ShouldContain(Routes.Report);
        seen.ShouldContain(Routes.Help);
        seen.ShouldContain(Routes.FollowUp);
        seen.ShouldContain(Routes.Learn);
        seen.ShouldContain(path => path.StartsWith(Routes.LearnForChildren + "/", StringComparison.Ordinal));
    }
}
