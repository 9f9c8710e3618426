using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ReportingPortal.Web.RateLimiting;

namespace ReportingPortal.Web.Accounts;

/// <summary>One form: email, password, and a code from the authenticator app or a recovery code.</summary>
[AllowAnonymous]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
[EnableRateLimiting(RateLimitPolicies.Guesses)]
public sealed class SignInModel(SignInHandler handler) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public SignInOutcome? Outcome { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl, CancellationToken cancellationToken)
    {
        var result = await handler.SignIn(Email, Password, Code, cancellationToken);
        Outcome = result.Outcome;
        switch (result.Outcome)
        {
            case SignInOutcome.SignedIn:
                await HttpContext.SignInAsync(ConsoleAuthentication.Scheme, result.Principal!);
                return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : Routes.Console);
            case SignInOutcome.Blocked:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                RateLimitPolicies.SetRetryAfter(Response, TimeSpan.FromMinutes(1));
                break;
            default:
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                break;
        }
        Password = null;
        Code = null;
        return Page();
    }
}
