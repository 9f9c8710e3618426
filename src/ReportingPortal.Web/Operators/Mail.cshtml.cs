using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportingPortal.Core.Email;

namespace ReportingPortal.Web.Operators;

/// <summary>Mail that is still owed and mail that failed for good, for operators to act on.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class MailModel(MailStatusQuery query) : PageModel
{
    public MailStatus Status { get; private set; } = new([], [], []);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Status = await query.Read(cancellationToken);
}
