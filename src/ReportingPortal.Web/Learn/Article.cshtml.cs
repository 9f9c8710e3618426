using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportingPortal.Core.Signposting;

namespace ReportingPortal.Web.Learn;

/// <summary>One learn page, at /learn/{slug} for adults and /learn/children/{slug} for children.</summary>
public sealed class ArticleModel(LearnContent content, HelpDirectory help) : PageModel
{
    public Article? Article { get; private set; }
    public IReadOnlyList<Article> Others { get; private set; } = [];
    public Core.Signposting.Help Help { get; } = help.For();

    public IActionResult OnGet(string slug)
    {
        var forChildren = Request.Path.StartsWithSegments(Routes.LearnForChildren);
        Article = content.Find(slug, forChildren);
        if (Article is null)
            return NotFound();
        Others = content.All(forChildren).Where(other => other.Slug != slug).ToList();
        return Page();
    }
}
