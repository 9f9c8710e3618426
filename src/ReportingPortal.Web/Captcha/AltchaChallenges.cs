using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ReportingPortal.Core.Configuration;

namespace ReportingPortal.Web.Captcha;

/// <summary>
/// Issues and checks ALTCHA proof-of-work challenges: the browser finds the number n with SHA-256(salt + n) equal to
/// the challenge. The challenge is signed with a server key and its salt carries its expiry, so the server keeps no
/// state until a solution is used.
/// </summary>
public sealed class AltchaChallenges(IOptions<CaptchaOptions> options, TimeProvider clock)
{
    public const string Algorithm = "SHA-256";
    private const int MaxPayloadLength = 2048;

    private readonly byte[] _key = Base64Keys.Decode(options.Value.Altcha.HmacKey);

    /// <summary>
    /// A challenge whose secret number is at most <paramref name="maxNumber"/> (see <see cref="AltchaDifficulty"/>). The
    /// number is fixed by the signed challenge hash, so a client cannot make its own challenge any easier.
    /// </summary>
    public AltchaChallenge Create(int maxNumber)
    {
        var expires = clock.GetUtcNow().Add(options.Value.Altcha.Expires).ToUnixTimeSeconds();
        // The trailing '&' ends the salt, so digits cannot be moved between the number and the expiry.
        var salt = $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}?expires={expires}&";
        var number = RandomNumberGenerator.GetInt32(0, maxNumber + 1);
        var challenge = Hash(salt, number);
        return new AltchaChallenge(Algorithm, challenge, maxNumber, salt, Sign(challenge));
    }

    /// <summary>The solution in a widget's payload when it is genuine, solved and unexpired; null otherwise.</summary>
    public ValidSolution? Check(string payload)
    {
        var solution = Decode(payload);
        if (solution is not { Algorithm: Algorithm, Challenge.Length: 64, Number: >= 0, Salt: { } salt, Signature.Length: 64 }
            || solution.Number > options.Value.Altcha.MaxNumberCeiling
            || !salt.EndsWith('&')
            || !IsHex(solution.Challenge) || !IsHex(solution.Signature))
            return null;

        var signatureMatches = FixedTimeEquals(Sign(solution.Challenge), solution.Signature);
        var solved = FixedTimeEquals(Hash(salt, solution.Number.Value), solution.Challenge);
        if (!signatureMatches || !solved)
            return null;

        var expires = ExpiresAt(salt);
        if (expires is null || expires <= clock.GetUtcNow())
            return null;
        return new ValidSolution(Convert.FromHexString(solution.Challenge), expires.Value);
    }

    public sealed record ValidSolution(byte[] Challenge, DateTimeOffset ExpiresAt);

    private static AltchaSolution? Decode(string payload)
    {
        if (payload.Length > MaxPayloadLength)
            return null;
        try
        {
            return JsonSerializer.Deserialize<AltchaSolution>(Convert.FromBase64String(payload));
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return null;
        }
    }

    private static DateTimeOffset? ExpiresAt(string salt)
    {
        var query = salt.IndexOf('?');
        if (query < 0)
            return null;
        foreach (var parameter in salt[(query + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (parameter.StartsWith("expires=", StringComparison.Ordinal)
                && long.TryParse(parameter["expires=".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                && seconds < 253402300799)
                return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
        return null;
    }

    private static string Hash(string salt, long number) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(salt + number.ToString(CultureInfo.InvariantCulture))));

    private string Sign(string challenge) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(challenge)));

    private static bool FixedTimeEquals(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given.ToLowerInvariant()));

    private static bool IsHex(string value) => value.All(char.IsAsciiHexDigit);
}
