using ReportingPortal.Web.Captcha;

namespace ReportingPortal.Web.Reports;

/// <param name="Suspicious">Sent without a solved captcha, with the trap field filled in, or too fast: such reports
/// are still accepted, under a stricter rate limit.</param>
public sealed record Screening(CaptchaResult Captcha, ReportSignals Signals, bool Suspicious);
