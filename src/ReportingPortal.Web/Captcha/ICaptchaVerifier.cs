namespace ReportingPortal.Web.Captcha;

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
