using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReportingPortal.Testing;

/// <summary>Does what the ALTCHA widget does in a browser: fetch a challenge, find the number, encode the payload.</summary>
public static class AltchaSolver
{
    public sealed record Challenge(
        [property: JsonPropertyName("algorithm")] string Algorithm,
        [property: JsonPropertyName("challenge")] string Hash,
        [property: JsonPropertyName("maxnumber")] int MaxNumber,
        [property: JsonPropertyName("salt")] string Salt,
        [property: JsonPropertyName("signature")] string Signature);

    public static async Task<Challenge> Fetch(HttpClient client, string challengeUrl)
    {
        var response = await client.GetAsync(challengeUrl);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Challenge>())!;
    }

    public static int Solve(Challenge challenge)
    {
        for (var number = 0; number <= challenge.MaxNumber; number++)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(challenge.Salt + number.ToString(CultureInfo.InvariantCulture)));
            if (Convert.ToHexStringLower(hash) == challenge.Hash)
                return number;
        }
        throw new InvalidOperationException("The challenge has no solution up to its maxnumber.");
    }

    /// <summary>The base64 JSON the widget puts in the form's "altcha" field.</summary>
    public static string Payload(Challenge challenge, long number, string? salt = null, string? signature = null, string? hash = null) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["algorithm"] = challenge.Algorithm,
            ["challenge"] = hash ?? challenge.Hash,
            ["number"] = number,
            ["salt"] = salt ?? challenge.Salt,
            ["signature"] = signature ?? challenge.Signature,
            ["took"] = 12,
        }));

    public static string Solved(Challenge challenge) => Payload(challenge, Solve(challenge));
}
