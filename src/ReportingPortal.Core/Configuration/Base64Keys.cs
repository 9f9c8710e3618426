namespace ReportingPortal.Core.Configuration;

/// <summary>Secret keys given in configuration as base64 of random bytes (<c>openssl rand -base64 32</c>).</summary>
public static class Base64Keys
{
    public const int MinimumBytes = 32;

    /// <summary>The key's bytes; none when the value is missing or not base64, which <see cref="IsValid"/> refuses.</summary>
    public static byte[] Decode(string? value)
    {
        try
        {
            return Convert.FromBase64String(value ?? "");
        }
        catch (FormatException)
        {
            return [];
        }
    }

    public static bool IsValid(string? value) => Decode(value).Length >= MinimumBytes;

    /// <summary>The start-up error for a key that is not valid, naming its configuration key.</summary>
    public static string Requirement(string key) =>
        $"{key} must be base64 for at least {MinimumBytes} random bytes (for example: openssl rand -base64 {MinimumBytes}).";
}
