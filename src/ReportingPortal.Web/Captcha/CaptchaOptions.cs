namespace ReportingPortal.Web.Captcha;

/// <summary>Which captcha protects the report form, and each provider's settings.</summary>
public sealed class CaptchaOptions
{
    public const string Section = "Captcha";

    public CaptchaProvider Provider { get; set; } = CaptchaProvider.Altcha;

    public AltchaOptions Altcha { get; set; } = new();

    public RecaptchaOptions Recaptcha { get; set; } = new();

    public SiteVerifyOptions Turnstile { get; set; } = new()
    {
        VerifyUrl = "https://challenges.cloudflare.com/turnstile/v0/siteverify",
        ScriptUrl = "https://challenges.cloudflare.com/turnstile/v0/api.js",
        Sources = ["https://challenges.cloudflare.com"],
    };

    public SiteVerifyOptions Hcaptcha { get; set; } = new()
    {
        VerifyUrl = "https://api.hcaptcha.com/siteverify",
        ScriptUrl = "https://js.hcaptcha.com/1/api.js",
        Sources = ["https://hcaptcha.com", "https://*.hcaptcha.com"],
    };

    /// <summary>The third-party provider's settings, or null for the self-hosted and disabled choices.</summary>
    public SiteVerifyOptions? ThirdParty => Provider switch
    {
        CaptchaProvider.Recaptcha => Recaptcha,
        CaptchaProvider.Turnstile => Turnstile,
        CaptchaProvider.Hcaptcha => Hcaptcha,
        _ => null,
    };
}
