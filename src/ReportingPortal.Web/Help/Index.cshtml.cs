using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportingPortal.Core.Signposting;

namespace ReportingPortal.Web.Help;

/// <summary>Emergency numbers and helplines for every configured country.</summary>
public sealed class IndexModel(HelpDirectory help) : PageModel
{
    public IReadOnlyList<Core.Signposting.Help> Everywhere { get; } = help.All();
}
