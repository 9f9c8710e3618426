using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ReportingPortal.Core.Accounts;
using ReportingPortal.Web.RateLimiting;

namespace ReportingPortal.Web.Accounts;

/// <summary>The one-time link's page: set a password, add the key to an authenticator app, confirm with a code, keep the recovery codes.</summary>
[AllowAnonymous]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
[EnableRateLimiting(RateLimitPolicies.Guesses)]
public sealed class EnrolModel(EnrolHandler handler) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Pending { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? PasswordAgain { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public EnrolmentAccount? Account { get; private set; }

    public string TextKey { get; private set; } = "";

    public EnrolProblem? Problem { get; private set; }

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await Open(cancellationToken))
            return Page();
        var (secret, pending) = handler.NewKey(Token!);
        Show(secret, pending);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await Open(cancellationToken))
            return Page();
        var secret = handler.PendingKey(Token!, Pending);
        if (secret is null)
        {
            (secret, Pending) = handler.NewKey(Token!);
            Show(secret, Pending);
            Problem = EnrolProblem.CodeWrong;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        (RecoveryCodes, Problem) = await handler.Enrol(Token!, Account!, secret, Password, PasswordAgain, Code, cancellationToken);
        if (Problem is not null)
        {
            Show(secret, Pending!);
            Response.StatusCode = Problem == EnrolProblem.LinkInvalid ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    private async Task<bool> Open(CancellationToken cancellationToken)
    {
        Account = await handler.Open(Token, cancellationToken);
        if (Account is not null)
            return true;
        Problem = EnrolProblem.LinkInvalid;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return false;
    }

    private void Show(byte[] secret, string pending)
    {
        TextKey = TotpCodes.TextKey(secret);
        Pending = pending;
        Password = PasswordAgain = Code = null;
    }
}
