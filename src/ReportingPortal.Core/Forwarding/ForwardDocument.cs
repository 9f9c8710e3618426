using System.Text.Encodings.Web;
using System.Text.Json;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.Forwarding;

/// <summary>
/// A report as a machine-readable document (docs/schema/forward-v1.json): attached to forwards and referrals, downloaded
/// from the case page and written by the bulk export. Sections and names follow NCMEC's CyberTipline where the meaning
/// is the same. A report whose content was deleted keeps its skeleton: the sections that hold what the reporter typed
/// are left out and <see cref="ContentDeleted"/> says so.
/// </summary>
public sealed record ForwardDocument(
    string SchemaVersion,
    string Reference,
    string Priority,
    ForwardDocument.QueueSection Queue,
    string CaseLink,
    string Language,
    bool ContentDeleted,
    ForwardDocument.IncidentSummarySection IncidentSummary,
    ForwardDocument.InternetDetailsSection? InternetDetails,
    ForwardDocument.LocationSection? Location,
    ForwardDocument.ReporterSection Reporter,
    ForwardDocument.VictimSection Victim,
    string? AdditionalInformation,
    ForwardDocument.SignalsSection Signals,
    ForwardDocument.ReferralSection? Referral,
    ForwardDocument.LinkedReportsSection? LinkedReports = null,
    ForwardDocument.ScreeningSection? Screening = null)
{
    /// <summary>The schema's version this code writes; a new optional field raises the minor number, a change of meaning the major one.</summary>
    public const string CurrentVersion = "1.1";

    public const string MediaType = "application/json";

    public sealed record QueueSection(string Name, string DisplayName);

    public sealed record IncidentSummarySection(string IncidentType, bool IsUrgent, string ChildInDanger, string IncidentTimeRange, DateTimeOffset ReceivedAt);

    public sealed record InternetDetailsSection(string[] WebPageUrls, string? Platform, string? Usernames);

    public sealed record LocationSection(string? Country, string? CountryName, string? Region);

    public sealed record ReporterSection(string Role, string ContactPreference, string? Name, string? Email);

    public sealed record VictimSection(string AgeRange);

    public sealed record SignalsSection(string Captcha, bool HoneypotFilled, int? SecondsToFill);

    /// <summary>Other reports that named one of this report's links within the linking window (1.1).</summary>
    public sealed record LinkedReportsSection(int Count, DateTimeOffset Since, string[] References);

    /// <summary>Why the report was screened and where screening stands; absent when it was not screened (1.1).</summary>
    public sealed record ScreeningSection(string State, string[] Reasons, int? WaitedSeconds);

    public sealed record ReferralSection(string Queue, string? FromQueue, string ReferredBy, DateTimeOffset ReferredAt, string Reason);

    /// <summary>The attachment's file name: the report's reference.</summary>
    public static string FileName(string reference) => reference + ".json";

    public static ForwardDocument Of(ReportForMail report, QueueSection queue, string caseLink, ReferralSection? referral = null)
    {
        var deleted = report.ContentDeleted;
        return new ForwardDocument(
            CurrentVersion,
            report.Reference,
            report.Priority.ToString(),
            queue,
            caseLink,
            report.Language,
            deleted,
            new IncidentSummarySection(report.Category, report.Priority == Reports.Priority.Urgent, report.ChildInDanger, report.Occurred, Utc(report.ReceivedAt)),
            deleted ? null : new InternetDetailsSection(report.Urls, report.Platform, report.Usernames),
            report.Country is null && (deleted || report.Region is null)
                ? null
                : new LocationSection(report.Country, report.Country is null ? null : Countries.Name(report.Country), deleted ? null : report.Region),
            new ReporterSection(report.ReporterRole, report.ContactPreference, deleted ? null : report.ContactName, deleted ? null : report.ContactEmail),
            new VictimSection(report.ChildAgeRange),
            deleted ? null : report.Description,
            new SignalsSection(report.CaptchaVerified switch { true => "Verified", false => "NotVerified", null => "NotUsed" },
                report.HoneypotFilled == true, report.SecondsToFill),
            referral,
            report.AlsoReportedIn is { } linked ? new LinkedReportsSection(linked.Count, Utc(linked.Since), [.. linked.References]) : null,
            report.Screening is { } screening
                ? new ScreeningSection(screening.ToString(), report.ScreeningReasons, report.ScreeningWaited is { } waited ? (int)waited.TotalSeconds : null)
                : null);
    }

    /// <summary>The document as UTF-8 JSON on one line (a line of the JSON lines export as it is).</summary>
    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, Written.ForwardDocument);

    public static ForwardDocument Read(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, ForwardDocumentJson.Default.ForwardDocument)
        ?? throw new JsonException("A forward document is null.");

    // Text in any script as it was written (Arabic reads as Arabic, not \uXXXX): the document is a file, never put in HTML.
    private static readonly ForwardDocumentJson Written = new(new JsonSerializerOptions(ForwardDocumentJson.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static DateTimeOffset Utc(DateTime at) => new(at.ToUniversalTime(), TimeSpan.Zero);
}
