using Microsoft.Extensions.Options;
using ReportingPortal.Core.Screening;
using ReportingPortal.Web.Captcha;
using ReportingPortal.Web.RateLimiting;

namespace ReportingPortal.Web.Reports;

/// <summary>The cheap checks run on every report form post: the captcha, the honeypot field and the fill time; with
/// Screening:Enabled, also how many reports the client sent lately.</summary>
public sealed class SubmissionScreening(ICaptchaVerifier captcha, FormTimer timer, IOptions<SignalsOptions> options,
    IOptions<ScreeningOptions> screening, ReportLimits limits)
{
    public async Task<Screening> Screen(ReportForm form, HttpRequest request, CancellationToken cancellationToken)
    {
        var answer = request.HasFormContentType ? request.Form[captcha.ResponseField].ToString() : "";
        var result = captcha is NoCaptchaVerifier ? CaptchaResult.NotUsed
            : answer.Length == 0 ? CaptchaResult.NotAnswered
            : await captcha.Verify(answer, request.Host.Host, form.FormKey, cancellationToken);

        var signals = new ReportSignals(
            CaptchaVerified: result == CaptchaResult.NotUsed ? null : result == CaptchaResult.Verified,
            HoneypotFilled: !string.IsNullOrEmpty(form.Website),
            SecondsToFill: timer.SecondsSince(form.OpenedAt));
        var weak = ScreeningDecision.Reasons(signals, options.Value.MinimumFillTime, manyFromOneClient: false);
        var reasons = !screening.Value.Enabled || result == CaptchaResult.Refused ? []
            : ScreeningDecision.Reasons(signals, options.Value.MinimumFillTime, limits.IsBurst(request.HttpContext));
        return new Screening(result, signals, weak.Count > 0, reasons);
    }
}
