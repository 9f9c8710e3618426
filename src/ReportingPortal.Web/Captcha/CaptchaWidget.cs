using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace ReportingPortal.Web.Captcha;

/// <summary>What _Captcha.cshtml needs to draw the chosen captcha in the report form.</summary>
public sealed record CaptchaWidget(CaptchaOptions Options, string? Error)
{
    /// <summary>The ALTCHA widget's own words, in the reader's language.</summary>
    public static string AltchaStrings(IStringLocalizer text) => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["label"] = text["Captcha.Altcha.Label"],
        ["verifying"] = text["Captcha.Altcha.Verifying"],
        ["verified"] = text["Captcha.Altcha.Verified"],
        ["error"] = text["Captcha.Altcha.Error"],
        ["expired"] = text["Captcha.Altcha.Expired"],
        ["waitAlert"] = text["Captcha.Altcha.Wait"],
        ["ariaLinkLabel"] = text["Captcha.Altcha.Label"],
        ["footer"] = "",
    });
}
