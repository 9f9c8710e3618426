using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportingPortal.Core.Email;
using ReportingPortal.Web.Accounts;

namespace ReportingPortal.Web.Operations;

/// <summary>Mail that is still owed and mail that failed for good, for administrators to act on.</summary>
[Authorize(Policy = ConsoleAuthentication.Administrators)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class MailModel(MailStatusQuery query) : PageModel
{
    public MailStatus Status { get; private set; } = new([], [], []);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Status = await query.Read(cancellationToken);
}
