using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ReportingPortal.Web.RateLimiting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ReportingPortal.Web.Operators;

[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
[EnableRateLimiting(RateLimitPolicies.Guesses)]
public sealed class LoginModel(IOptions<OperatorsOptions> options, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public bool Failed { get; private set; }

    public bool Configured => !string.IsNullOrEmpty(options.Value.Password);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        if (!Configured || !Matches(UserName, options.Value.UserName) || !Matches(Password, options.Value.Password!))
        {
            logger.LogWarning("An operator sign-in failed");
            Failed = true;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, options.Value.UserName)], OperatorsServiceCollectionExtensions.Scheme);
        await HttpContext.SignInAsync(OperatorsServiceCollectionExtensions.Scheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : Routes.OperatorsMail);
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await HttpContext.SignOutAsync(OperatorsServiceCollectionExtensions.Scheme);
        return LocalRedirect(Routes.Home);
    }

    private static bool Matches(string? given, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given ?? "")), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
