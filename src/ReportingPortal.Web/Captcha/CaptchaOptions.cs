namespace ReportingPortal.Web.Captcha;

public enum CaptchaProvider { Altcha, Recaptcha, Turnstile, Hcaptcha, None }

/// <summary>Named as AspNetCore.ReCaptcha names them, so its settings carry over unchanged.</summary>
public enum RecaptchaVersion { V2, V2Invisible, V3 }

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

public sealed class AltchaOptions
{
    /// <summary>Base64 of at least 32 random bytes; challenges are signed with it (HMAC-SHA-256).</summary>
    public string HmacKey { get; set; } = "";

    /// <summary>The largest secret number at the usual rate of reports: the average work is half of it (about a
    /// second on a phone at 100,000).</summary>
    public int MaxNumber { get; set; } = 100_000;

    /// <summary>The largest it grows to when reports arrive faster than usual (see <see cref="AltchaDifficulty"/>).</summary>
    public int MaxNumberCeiling { get; set; } = 1_000_000;

    /// <summary>Reports a minute at which the work stays at <see cref="MaxNumber"/>; twice as many ask twice the work.</summary>
    public int UsualReportsPerMinute { get; set; } = 10;

    /// <summary>How long a challenge can be solved and sent; the widget fetches a new one when it expires.</summary>
    public TimeSpan Expires { get; set; } = TimeSpan.FromMinutes(20);

    internal byte[] HmacKeyBytes()
    {
        try
        {
            return Convert.FromBase64String(HmacKey);
        }
        catch (FormatException)
        {
            return [];
        }
    }
}

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

public sealed class RecaptchaOptions : SiteVerifyOptions
{
    public RecaptchaOptions()
    {
        VerifyUrl = "https://www.google.com/recaptcha/api/siteverify";
        ScriptUrl = "https://www.google.com/recaptcha/api.js";
        Sources = ["https://www.google.com/recaptcha/", "https://www.gstatic.com/recaptcha/"];
    }

    public RecaptchaVersion Version { get; set; } = RecaptchaVersion.V2;

    /// <summary>For V3: the lowest score (0.0 a bot, 1.0 a person) accepted as verified.</summary>
    public double ScoreThreshold { get; set; } = 0.5;

    /// <summary>For V3: the action the form's token must have been made for.</summary>
    public string Action { get; set; } = "report";
}
