namespace ReportingPortal.Web.Captcha;

/// <summary>A captcha verified by the provider's siteverify API (reCAPTCHA, Turnstile, hCaptcha).</summary>
public class SiteVerifyOptions
{
    public string SiteKey { get; set; } = "";

    public string SecretKey { get; set; } = "";

    public string VerifyUrl { get; set; } = "";

    /// <summary>The provider's script, loaded by the report form only when this provider is chosen.</summary>
    public string ScriptUrl { get; set; } = "";

    /// <summary>The origins the provider's widget loads from, added to the Content-Security-Policy.</summary>
    public string[] Sources { get; set; } = [];

    /// <summary>The host name the provider must report the token was solved on; empty means the request's own host.</summary>
    public string? Hostname { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
