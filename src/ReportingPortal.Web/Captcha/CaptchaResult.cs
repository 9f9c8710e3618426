namespace ReportingPortal.Web.Captcha;

/// <summary>What the captcha check found for one form post.</summary>
public enum CaptchaResult
{
    /// <summary>No captcha is configured (development only).</summary>
    NotUsed,

    /// <summary>The form carried no answer: a browser without JavaScript, or a sender that skipped it.</summary>
    NotAnswered,

    /// <summary>The provider could not be asked (network, timeout); the report is not lost for it.</summary>
    Unavailable,

    /// <summary>The answer was wrong, expired, used before, made for another site or scored as a bot.</summary>
    Refused,

    Verified,
}
