using System.Security.Cryptography;
using System.Text;

namespace ReportingPortal.Core.Accounts;

/// <summary>
/// Ten one-time codes for when the authenticator is lost: random, shown once, kept only as SHA-256. Letters and digits
/// that cannot be mistaken for one another; dashes, spaces and case do not matter when one is typed back.
/// </summary>
public static class RecoveryCodes
{
    public const int Count = 10;
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    private const int Length = 10;

    public static IReadOnlyList<string> New() =>
        Enumerable.Range(0, Count).Select(_ => NewCode()).ToList();

    public static byte[] Hash(string code) => SHA256.HashData(Encoding.UTF8.GetBytes(Normalise(code)));

    private static string NewCode()
    {
        var code = RandomNumberGenerator.GetString(Alphabet, Length);
        return code[..5] + "-" + code[5..];
    }

    private static string Normalise(string code) =>
        new string(code.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
