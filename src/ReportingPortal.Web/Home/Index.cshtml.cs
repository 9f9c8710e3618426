using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ReportingPortal.Web.Signposting;

namespace ReportingPortal.Web.Home;

public sealed class IndexModel(IOptions<SignpostingOptions> signposting) : PageModel
{
    public SignpostingOptions Signposting { get; } = signposting.Value;
}
