using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportingPortal.Web.Signposting;

namespace ReportingPortal.Web.Home;

public sealed class IndexModel(HelpDirectory help) : PageModel
{
    public Signposting.Help Help { get; } = help.For();
}
