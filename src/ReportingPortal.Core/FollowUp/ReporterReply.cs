using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.FollowUp;

/// <summary>What a reporter writes back, or adds, once the report is open again: text and links, no files.</summary>
public sealed class ReporterReply
{
    public string? Message { get; set; }

    /// <summary>One link per line, as on the report form.</summary>
    public string? Urls { get; set; }

    /// <summary>Whether the report was made by a child, for the simpler wording of the messages; not typed.</summary>
    public bool FromAChild { get; set; }

    /// <summary>Cleaned as the report form's fields are (see <see cref="PlainText"/>).</summary>
    public void Clean()
    {
        Message = PlainText.Clean(Message, multiline: true)?.Trim();
        Urls = PlainText.Clean(Urls, multiline: true);
    }

    public IReadOnlyList<string> UrlList() => ReportForm.Links(Urls);
}
