using System.Text.Json.Serialization;

namespace ReportingPortal.Web.Captcha;

/// <summary>An ALTCHA (v1) challenge as the widget fetches it from /captcha/challenge.</summary>
public sealed record AltchaChallenge(
    [property: JsonPropertyName("algorithm")] string Algorithm,
    [property: JsonPropertyName("challenge")] string Challenge,
    [property: JsonPropertyName("maxnumber")] int MaxNumber,
    [property: JsonPropertyName("salt")] string Salt,
    [property: JsonPropertyName("signature")] string Signature);
