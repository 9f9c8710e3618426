namespace ReportingPortal.Core.Reports;

/// <summary>What the anti-abuse checks saw, stored with the report and shown to responders. Never identifies a device.</summary>
public sealed record ReportSignals(bool? CaptchaVerified, bool HoneypotFilled, int? SecondsToFill);
