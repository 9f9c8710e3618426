using System.Text;

namespace ReportingPortal.Core.Reports;

/// <summary>
/// Text as it is stored: Unicode NFC, without control characters (a description keeps its line breaks and tabs)
/// and without the bidirectional overrides and isolates that can make text read differently from what it is.
/// </summary>
public static class PlainText
{
    public static string? Clean(string? value, bool multiline)
    {
        if (value is null)
            return null;
        var clean = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var character = value[i];
            if (char.IsHighSurrogate(character) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                clean.Append(character).Append(value[++i]);
                continue;
            }
            if (char.IsSurrogate(character))
            {
                clean.Append('\uFFFD');
                continue;
            }
            switch (character)
            {
                case '\r' when i + 1 < value.Length && value[i + 1] == '\n':
                    continue;
                case '\r' or '\n' or '\u2028' or '\u2029':
                    clean.Append(multiline ? '\n' : ' ');
                    continue;
                case '\t':
                    clean.Append(multiline ? '\t' : ' ');
                    continue;
            }
            if (!char.IsControl(character) && !IsBidiControl(character))
                clean.Append(character);
        }
        return clean.ToString().Normalize(NormalizationForm.FormC);
    }

    private static bool IsBidiControl(char character) => character is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
