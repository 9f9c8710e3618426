namespace ReportingPortal.Core.Reports;

/// <summary>
/// What a reporter typed and who they are: stored only sealed with the report's data key (<c>reports.content</c>),
/// and deleted when the report's content is no longer kept.
/// </summary>
public sealed record ReportContent(
    string[] Urls,
    string? Platform,
    string? Usernames,
    string? Region,
    string Description,
    string? ContactName,
    string? ContactEmail)
{
    /// <summary>What a report whose content was deleted shows in its place.</summary>
    public static readonly ReportContent Deleted = new([], null, null, null, "", null, null);
}
