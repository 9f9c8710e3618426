using ReportingPortal.Core.Screening;
using ReportingPortal.Web.Captcha;

namespace ReportingPortal.Web.Reports;

/// <param name="Suspicious">Sent without a solved captcha, with the trap field filled in, or too fast: such reports
/// are still accepted, under a stricter rate limit.</param>
/// <param name="Reasons">Why the report goes to screening (Screening:Enabled), the burst of one client included; empty
/// when it does not.</param>
public sealed record Screening(CaptchaResult Captcha, ReportSignals Signals, bool Suspicious, IReadOnlyList<ScreeningReason> Reasons);
