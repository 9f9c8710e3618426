using System.Globalization;
using System.Text;
using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.FollowUp;

/// <summary>A reference as people type it back: any case, spaces, dashes, dots or underscores, with or without "RP",
/// O for 0 and I or L for 1.</summary>
public static class ReferenceInput
{
    private const int Characters = 8;
    private const int LongestInput = 64;

    /// <summary>The reference as stored ("RP-7K4M-9QX2"), or null when the input cannot be one.</summary>
    public static string? Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > LongestInput)
            return null;
        var compact = new StringBuilder(typed.Length);
        foreach (var character in typed.ToUpperInvariant())
        {
            if (!IsSeparator(character))
                compact.Append(character);
        }
        var characters = compact.ToString();
        if (characters.Length == Characters + 2 && characters.StartsWith("RP", StringComparison.Ordinal))
            characters = characters[2..];
        if (characters.Length != Characters)
            return null;
        var canonical = ReceiptCodes.NormaliseAccessCode(characters);
        return ReceiptCodes.IsCodeText(canonical) ? $"RP-{canonical[..4]}-{canonical[4..]}" : null;
    }

    // Spaces, every kind of dash, underscores, dots and slashes: what people put between groups.
    private static bool IsSeparator(char character) =>
        char.IsWhiteSpace(character) || character is '.' or '/'
        || char.GetUnicodeCategory(character) is UnicodeCategory.DashPunctuation or UnicodeCategory.ConnectorPunctuation;
}
