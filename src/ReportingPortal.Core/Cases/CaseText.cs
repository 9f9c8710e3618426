using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.Cases;

/// <summary>What responders write on a case (notes, reasons for a referral), cleaned as the report form's text is.</summary>
public static class CaseText
{
    public const int NoteMaxLength = 4000;
    public const int ReasonMaxLength = 1000;

    /// <summary>The text as stored: see <see cref="PlainText"/>, trimmed; null when nothing is left.</summary>
    public static string? Clean(string? value) =>
        PlainText.Clean(value, multiline: true)?.Trim() is { Length: > 0 } text ? text : null;
}
