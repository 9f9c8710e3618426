namespace ReportingPortal.Web.Captcha;

/// <summary>Named as AspNetCore.ReCaptcha names them, so its settings carry over unchanged.</summary>
public enum RecaptchaVersion { V2, V2Invisible, V3 }
