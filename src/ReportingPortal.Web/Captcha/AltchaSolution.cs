using System.Text.Json.Serialization;

namespace ReportingPortal.Web.Captcha;

/// <summary>What the widget posts in the "altcha" field, base64 of this JSON.</summary>
public sealed record AltchaSolution(
    [property: JsonPropertyName("algorithm")] string? Algorithm,
    [property: JsonPropertyName("challenge")] string? Challenge,
    [property: JsonPropertyName("number")] long? Number,
    [property: JsonPropertyName("salt")] string? Salt,
    [property: JsonPropertyName("signature")] string? Signature);
