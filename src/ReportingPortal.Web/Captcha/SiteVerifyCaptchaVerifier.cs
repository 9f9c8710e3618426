using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReportingPortal.Web.Captcha;

/// <summary>
/// reCAPTCHA, Turnstile and hCaptcha: the token the widget made is checked with the provider's siteverify API.
/// The reporter's IP address is not sent (the APIs take it as optional "remoteip").
/// </summary>
public sealed class SiteVerifyCaptchaVerifier(
    CaptchaProvider provider,
    SiteVerifyOptions settings,
    IHttpClientFactory clients,
    ILogger<SiteVerifyCaptchaVerifier> logger) : ICaptchaVerifier
{
    public const string HttpClientName = "captcha-siteverify";
    private const int MaxTokenLength = 8192;

    public string ResponseField => FieldFor(provider);

    public static string FieldFor(CaptchaProvider provider) => provider switch
    {
        CaptchaProvider.Recaptcha => "g-recaptcha-response",
        CaptchaProvider.Turnstile => "cf-turnstile-response",
        CaptchaProvider.Hcaptcha => "h-captcha-response",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Not verified through siteverify."),
    };

    private sealed record SiteVerifyAnswer(
        [property: JsonPropertyName("success")] bool Success,
        [property: JsonPropertyName("hostname")] string? Hostname,
        [property: JsonPropertyName("score")] double? Score,
        [property: JsonPropertyName("action")] string? Action);

    public async Task<CaptchaResult> Verify(string response, string hostname, string formKey, CancellationToken cancellationToken)
    {
        if (response.Length > MaxTokenLength)
            return CaptchaResult.Refused;

        SiteVerifyAnswer? answer;
        try
        {
            using var client = clients.CreateClient(HttpClientName);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.Timeout);
            using var reply = await client.PostAsync(settings.VerifyUrl, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["secret"] = settings.SecretKey,
                ["response"] = response,
            }), timeout.Token);
            if (!reply.IsSuccessStatusCode)
            {
                logger.LogWarning("The {Provider} siteverify API answered {Status}", provider, (int)reply.StatusCode);
                return CaptchaResult.Unavailable;
            }
            answer = await reply.Content.ReadFromJsonAsync<SiteVerifyAnswer>(timeout.Token);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested
                                           && exception is HttpRequestException or OperationCanceledException or JsonException)
        {
            logger.LogWarning("The {Provider} siteverify API could not be asked ({Error})", provider, exception.GetType().Name);
            return CaptchaResult.Unavailable;
        }

        if (answer is not { Success: true })
            return CaptchaResult.Refused;
        var expectedHost = string.IsNullOrEmpty(settings.Hostname) ? hostname : settings.Hostname;
        if (!string.Equals(answer.Hostname, expectedHost, StringComparison.OrdinalIgnoreCase))
            return CaptchaResult.Refused;
        if (settings is RecaptchaOptions { Version: RecaptchaVersion.V3 } recaptcha
            && (answer.Score is not { } score || score < recaptcha.ScoreThreshold || answer.Action != recaptcha.Action))
            return CaptchaResult.Refused;
        return CaptchaResult.Verified;
    }
}
