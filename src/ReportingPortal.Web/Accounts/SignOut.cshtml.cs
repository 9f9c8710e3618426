using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportingPortal.Core.Audit;

namespace ReportingPortal.Web.Accounts;

/// <summary>Ends the session on the server at once: every saved copy of the cookie opens nothing afterwards.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class SignOutModel(AuditLog audit) : PageModel
{
    /// <summary>Signing out is a button (a POST with its antiforgery token); an address typed in goes to the account page.</summary>
    public IActionResult OnGet() => LocalRedirect(Routes.ConsoleAccount);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var accountId = User.AccountId();
        await HttpContext.SignOutAsync(ConsoleAuthentication.Scheme);
        await audit.Write(new AuditEntry(AuditAction.SignedOut, accountId, SubjectAccountId: accountId), cancellationToken);
        return LocalRedirect(Routes.ConsoleSignIn);
    }
}
