using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ReportingPortal.Web.RateLimiting;

namespace ReportingPortal.Web.Accounts;

/// <summary>The signed-in person's own account: change the password, renew the recovery codes.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
[EnableRateLimiting(RateLimitPolicies.Guesses)]
public sealed class AccountModel(AccountHandler handler) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? NewPasswordAgain { get; set; }

    public int UnusedRecoveryCodes { get; private set; }

    public SignInOutcome? Outcome { get; private set; }

    public EnrolProblem? Problem { get; private set; }

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        UnusedRecoveryCodes = await handler.UnusedRecoveryCodes(User.AccountId(), cancellationToken);

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken cancellationToken)
    {
        (Outcome, Problem) = await handler.ChangePassword(User.AccountId(), CurrentPassword, Code, NewPassword, NewPasswordAgain, cancellationToken);
        if (Outcome == SignInOutcome.SignedIn && Problem is null)
        {
            await HttpContext.SignOutAsync(ConsoleAuthentication.Scheme);
            return LocalRedirect(Routes.ConsoleSignIn);
        }
        return await Answer(cancellationToken);
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken cancellationToken)
    {
        (Outcome, RecoveryCodes) = await handler.RenewRecoveryCodes(User.AccountId(), CurrentPassword, Code, cancellationToken);
        return await Answer(cancellationToken);
    }

    private async Task<IActionResult> Answer(CancellationToken cancellationToken)
    {
        Response.StatusCode = (Outcome, Problem) switch
        {
            (SignInOutcome.Blocked, _) => StatusCodes.Status429TooManyRequests,
            (SignInOutcome.Failed, _) => StatusCodes.Status401Unauthorized,
            (_, not null) => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status200OK,
        };
        CurrentPassword = Code = NewPassword = NewPasswordAgain = null;
        UnusedRecoveryCodes = await handler.UnusedRecoveryCodes(User.AccountId(), cancellationToken);
        return Page();
    }
}
