using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ReportingPortal.Core.FollowUp;
using ReportingPortal.Web.Captcha;
using ReportingPortal.Web.Localization;
using ReportingPortal.Web.RateLimiting;

namespace ReportingPortal.Web.FollowUp;

/// <summary>
/// "Check or add to your report": the reference and the access code open a short session on the report. A wrong
/// reference and a wrong code get the same answer, and a locked reference the same "try again later" whether or not a
/// report has it. Each try counts against the client's guess limit, and one without a solved captcha (no JavaScript)
/// against a stricter one as well.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
[EnableRateLimiting(RateLimitPolicies.Guesses)]
public sealed class OpenModel(
    AccessCodeCheck check,
    ReporterSessions sessions,
    ReporterCookie cookie,
    ICaptchaVerifier captcha,
    ReportLimits limits,
    TimeProvider clock)
    : PageModel
{
    /// <summary>As typed; shown again as typed after a wrong try.</summary>
    [BindProperty]
    public string? Reference { get; set; }

    /// <summary>Never shown again.</summary>
    [BindProperty]
    public string? AccessCode { get; set; }

    public OpenProblem? Problem { get; private set; }

    /// <summary>The reporter has just left their report.</summary>
    public bool Left { get; private set; }

    public void OnGet(bool left) => Left = left;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var typedCode = AccessCode;
        AccessCode = null;
        if (ReferenceInput.Normalise(Reference) is not { } reference)
            return Refuse(OpenProblem.ReferenceShape);
        if (!ReceiptCodes.IsAccessCode(typedCode))
            return Refuse(OpenProblem.AccessCodeShape);

        var answer = Request.Form[captcha.ResponseField].ToString();
        // A fresh key for every try, so a solution counts for one try only.
        var verified = captcha is NoCaptchaVerifier ? CaptchaResult.NotUsed
            : answer.Length == 0 ? CaptchaResult.NotAnswered
            : await captcha.Verify(answer, Request.Host.Host, ReceiptCodes.NewFormKey(), cancellationToken);
        if (verified == CaptchaResult.Refused)
            return Refuse(OpenProblem.CaptchaRefused);
        if (verified is not (CaptchaResult.Verified or CaptchaResult.NotUsed) && !limits.TryGuessUnverified(HttpContext, out var wait))
            return TryLater(wait);

        var outcome = await check.Open(reference, typedCode!, cancellationToken);
        switch (outcome.Result)
        {
            case AccessCodeResult.Opened:
                cookie.Write(HttpContext, await sessions.Start(outcome.ReportId!.Value, cancellationToken));
                PortalLocalization.Remember(HttpContext, outcome.Language!);
                Response.Headers.Location = Routes.FollowUpReport;
                return StatusCode(StatusCodes.Status303SeeOther);
            case AccessCodeResult.Locked:
                return TryLater(outcome.LockedUntil - clock.GetUtcNow());
            default:
                return Refuse(OpenProblem.NotRight);
        }
    }

    private PageResult Refuse(OpenProblem problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private PageResult TryLater(TimeSpan? wait)
    {
        Problem = OpenProblem.TryLater;
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        RateLimitPolicies.SetRetryAfter(Response, wait ?? TimeSpan.FromMinutes(1));
        return Page();
    }
}
