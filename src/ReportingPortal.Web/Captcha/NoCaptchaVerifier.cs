namespace ReportingPortal.Web.Captcha;

/// <summary>Captcha:Provider none, for development only: start-up refuses it in Production.</summary>
public sealed class NoCaptchaVerifier : ICaptchaVerifier
{
    public string ResponseField => "captcha";

    public Task<CaptchaResult> Verify(string response, string hostname, string formKey, CancellationToken cancellationToken) =>
        Task.FromResult(CaptchaResult.NotUsed);
}
