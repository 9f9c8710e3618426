using System.Security.Cryptography;
using System.Text;
using OtpNet;

namespace ReportingPortal.Core.Accounts;

/// <summary>
/// RFC 6238 codes: six digits, 30-second steps, one step either side accepted for clocks that drift. A code is
/// accepted only for a step later than the last one the account used, so none works twice.
/// </summary>
public static class TotpCodes
{
    public const int StepSeconds = 30;
    public const int SecretBytes = 20;

    public static byte[] NewSecret() => KeyGeneration.GenerateRandomKey(SecretBytes);

    /// <summary>The key as people type it into an authenticator app.</summary>
    public static string TextKey(byte[] secret) => Base32Encoding.ToString(secret);

    public static long StepAt(DateTimeOffset now) => now.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The code an authenticator shows for <paramref name="step"/>.</summary>
    public static string CodeFor(byte[] secret, long step) =>
        new Totp(secret, StepSeconds).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * StepSeconds).UtcDateTime);

    /// <summary>The step <paramref name="code"/> was made for, when it is within a step of now and later than <paramref name="lastStep"/>; otherwise null.</summary>
    public static long? Verify(byte[] secret, string? code, DateTimeOffset now, long? lastStep)
    {
        var digits = Normalise(code);
        if (digits is null)
            return null;
        for (var step = StepAt(now) - 1; step <= StepAt(now) + 1; step++)
        {
            if (lastStep is not null && step <= lastStep)
                continue;
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(CodeFor(secret, step)), Encoding.ASCII.GetBytes(digits)))
                return step;
        }
        return null;
    }

    /// <summary>Whether <paramref name="code"/> looks like a TOTP code (six digits, spaces allowed) rather than a recovery code.</summary>
    public static bool LooksLikeACode(string? code) => Normalise(code) is not null;

    private static string? Normalise(string? code)
    {
        var digits = new string((code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        return digits.Length == 6 && digits.All(char.IsAsciiDigit) ? digits : null;
    }
}

