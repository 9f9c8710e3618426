using System.Text;

namespace ReportingPortal.Web.Shared;

/// <summary>CSV as the console exports it (RFC 4180): every cell quoted, and a cell a spreadsheet would run as a formula made plain text.</summary>
public static class Csv
{
    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell)) + "\r\n";

    /// <summary>
    /// One quoted cell. A cell starting with = + - @ (or a tab or carriage return, which some spreadsheets skip) gets a
    /// leading apostrophe, so opening the file never runs it as a formula (OWASP "CSV injection").
    /// </summary>
    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            text = "'" + text;
        return new StringBuilder(text.Length + 2).Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').ToString();
    }
}
