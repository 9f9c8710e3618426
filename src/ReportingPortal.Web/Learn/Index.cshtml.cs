using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportingPortal.Core.Signposting;

namespace ReportingPortal.Web.Learn;

public sealed class IndexModel(LearnContent content, HelpDirectory help) : PageModel
{
    public IReadOnlyList<Article> ForAdults { get; } = content.All(forChildren: false);
    public IReadOnlyList<Article> ForChildren { get; } = content.All(forChildren: true);
    public Core.Signposting.Help Help { get; } = help.For();
}
