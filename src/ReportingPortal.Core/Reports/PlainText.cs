using System.Globalization;
using System.Text;

namespace ReportingPortal.Core.Reports;

/// <summary>
/// Text as it is stored: Unicode NFC, without control characters (a description keeps its line breaks and tabs)
/// and without invisible format characters (Unicode category Cf): zero-width spaces and joiners, direction marks,
/// bidirectional overrides and isolates, word joiners, byte order marks. They make a username or a link read
/// differently from what it is, or hide it from a search. A zero-width joiner stays only between two emoji, where
/// it makes one picture (a family, a rainbow flag).
/// </summary>
public static class PlainText
{
    private const int ZeroWidthJoiner = 0x200D;
    private const int EmojiPresentation = 0xFE0F;

    public static string? Clean(string? value, bool multiline)
    {
        if (value is null)
            return null;
        // Enumerating runes turns a lone surrogate into U+FFFD.
        var runes = value.EnumerateRunes().ToArray();
        var clean = new StringBuilder(value.Length);
        for (var i = 0; i < runes.Length; i++)
        {
            var rune = runes[i];
            switch (rune.Value)
            {
                case '\r' when i + 1 < runes.Length && runes[i + 1].Value == '\n':
                    continue;
                case '\r' or '\n' or '\u2028' or '\u2029':
                    clean.Append(multiline ? '\n' : ' ');
                    continue;
                case '\t':
                    clean.Append(multiline ? '\t' : ' ');
                    continue;
                case ZeroWidthJoiner when i > 0 && i + 1 < runes.Length && EndsEmoji(runes[i - 1]) && IsEmoji(runes[i + 1]):
                    clean.Append(rune.ToString());
                    continue;
            }
            if (Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format))
                clean.Append(rune.ToString());
        }
        return clean.ToString().Normalize(NormalizationForm.FormC);
    }

    private static bool IsEmoji(Rune rune) => Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherSymbol;

    /// <summary>An emoji, or what may end one: its emoji-style selector, or a skin tone.</summary>
    private static bool EndsEmoji(Rune rune) =>
        IsEmoji(rune) || rune.Value == EmojiPresentation || Rune.GetUnicodeCategory(rune) == UnicodeCategory.ModifierSymbol;
}
