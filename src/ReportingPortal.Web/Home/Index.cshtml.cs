using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportingPortal.Core.Signposting;

namespace ReportingPortal.Web.Home;

public sealed class IndexModel(HelpDirectory help) : PageModel
{
    public Core.Signposting.Help Help { get; } = help.For();
}
