using Microsoft.Extensions.Options;
using ReportingPortal.Web.Captcha;

namespace ReportingPortal.Web.Reports;

/// <summary>The cheap checks run on every report form post: the captcha, the honeypot field and the fill time.</summary>
public sealed class SubmissionScreening(ICaptchaVerifier captcha, FormTimer timer, IOptions<SignalsOptions> options)
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
        var tooFast = signals.SecondsToFill is not { } seconds || seconds < options.Value.MinimumFillTime.TotalSeconds;
        return new Screening(result, signals, signals.CaptchaVerified == false || signals.HoneypotFilled || tooFast);
    }
}
