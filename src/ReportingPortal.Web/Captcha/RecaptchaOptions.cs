namespace ReportingPortal.Web.Captcha;

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
