using System.Globalization;
using System.Text;
using ReportingPortal.Core.Audit;

namespace ReportingPortal.Web.Audit;

/// <summary>The audit log as CSV (RFC 4180): every cell quoted, and a cell a spreadsheet would run as a formula made plain text.</summary>
public static class AuditCsv
{
    public static readonly string[] Header = ["time_utc", "actor", "action", "reference", "subject_account", "detail"];

    public static async Task Write(IAsyncEnumerable<AuditRow> rows, TextWriter writer, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(Line(Header));
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(Line(
            [
                row.At.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                row.ActorEmail,
                row.Action.ToString(),
                row.Reference,
                row.SubjectEmail,
                row.Detail,
            ]));
        }
    }

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
