using System.Globalization;
using ReportingPortal.Core.Forwarding;
using ReportingPortal.Web.Shared;

namespace ReportingPortal.Web.Cases;

/// <summary>The bulk export as CSV (<see cref="Csv"/>): one case a line, the fields of its forward document, links one a line in their cell.</summary>
public static class CaseExportCsv
{
    public static readonly string[] Header =
    [
        "reference", "received_at_utc", "priority", "queue", "incident_type", "child_in_danger", "incident_time_range", "victim_age_range",
        "reporter_role", "contact_preference", "reporter_name", "reporter_email", "country", "region", "web_page_urls", "platform",
        "usernames", "additional_information", "captcha", "honeypot_filled", "seconds_to_fill", "content_deleted", "language", "case_link",
    ];

    public static async Task Write(IAsyncEnumerable<ForwardDocument> documents, TextWriter writer, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(Csv.Line(Header));
        await foreach (var document in documents.WithCancellation(cancellationToken))
        {
            var incident = document.IncidentSummary;
            await writer.WriteAsync(Csv.Line(
            [
                document.Reference,
                incident.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                document.Priority,
                document.Queue.Name,
                incident.IncidentType,
                incident.ChildInDanger,
                incident.IncidentTimeRange,
                document.Victim.AgeRange,
                document.Reporter.Role,
                document.Reporter.ContactPreference,
                document.Reporter.Name,
                document.Reporter.Email,
                document.Location?.Country,
                document.Location?.Region,
                document.InternetDetails is { } internet ? string.Join('\n', internet.WebPageUrls) : null,
                document.InternetDetails?.Platform,
                document.InternetDetails?.Usernames,
                document.AdditionalInformation,
                document.Signals.Captcha,
                document.Signals.HoneypotFilled ? "true" : "false",
                document.Signals.SecondsToFill?.ToString(CultureInfo.InvariantCulture),
                document.ContentDeleted ? "true" : "false",
                document.Language,
                document.CaseLink,
            ]));
        }
    }
}
