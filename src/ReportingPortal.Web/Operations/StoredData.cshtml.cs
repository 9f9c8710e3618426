using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ReportingPortal.Core.Retention;
using ReportingPortal.Web.Accounts;

namespace ReportingPortal.Web.Operations;

/// <summary>Which keys wrap the stored reports (the re-wrap job's progress), what retention deleted and owes, and reports open too long.</summary>
[Authorize(Policy = ConsoleAuthentication.Administrators)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class StoredDataModel(RetentionStatusQuery query, IOptions<RetentionOptions> options) : PageModel
{
    public RetentionStatus Status { get; private set; } = null!;

    public RetentionOptions Retention => options.Value;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Status = await query.Read(cancellationToken);
}
