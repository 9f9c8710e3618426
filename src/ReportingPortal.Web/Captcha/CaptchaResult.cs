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

/// <summary>Checks the answer a report form carried, with the provider chosen by Captcha:Provider.</summary>
public interface ICaptchaVerifier
{
    /// <summary>The form field the provider's widget fills in.</summary>
    string ResponseField { get; }

    /// <param name="response">The field's value, never empty.</param>
    /// <param name="hostname">The host the form was served on.</param>
    /// <param name="formKey">The form's random key: a solution counts once, for one form (which may be sent again).</param>
    Task<CaptchaResult> Verify(string response, string hostname, string formKey, CancellationToken cancellationToken);
}
