using Dapper;
using Npgsql;
using ReportingPortal.Core.Encryption;
using ReportingPortal.Core.Linking;
using ReportingPortal.Core.Reports;
using ReportingPortal.Core.Screening;

namespace ReportingPortal.Core.Email;

/// <summary>What the mail about one report needs, read from the reports table when it is sent, its content unsealed.</summary>
public sealed record ReportForMail
{
    public long Id { get; init; }
    public string Reference { get; init; } = "";
    public string Language { get; init; } = "en";
    public string ReporterRole { get; init; } = "";
    public string Category { get; init; } = "";
    public string? Country { get; init; }
    public string Occurred { get; init; } = "";
    public string ChildAgeRange { get; init; } = "";
    public string ChildInDanger { get; init; } = "";
    public string ContactPreference { get; init; } = "";
    public string? EmailWording { get; init; }
    public Priority Priority { get; init; } = Priority.Normal;
    public DateTime ReceivedAt { get; init; }
    public bool? CaptchaVerified { get; init; }
    public bool? HoneypotFilled { get; init; }
    public int? SecondsToFill { get; init; }

    /// <summary>Where screening stands for the report; null when it was not screened.</summary>
    public ScreeningState? Screening { get; init; }

    /// <summary>Why it was screened (<see cref="ScreeningReason"/> names); empty when it was not.</summary>
    public string[] ScreeningReasons { get; init; } = [];

    /// <summary>How long the report waited for screening before a screener released it.</summary>
    public TimeSpan? ScreeningWaited { get; init; }

    /// <summary>What the reporter typed; <see cref="ReportContent.Deleted"/> once the content is no longer kept.</summary>
    public ReportContent Content { get; init; } = ReportContent.Deleted;

    /// <summary>The other reports that named one of its links within the linking window; loaded for forwards only.</summary>
    public LinkedReports? AlsoReportedIn { get; init; }

    public bool ContentDeleted => ReferenceEquals(Content, ReportContent.Deleted);
    public string[] Urls => Content.Urls;
    public string? Platform => Content.Platform;
    public string? Usernames => Content.Usernames;
    public string? Region => Content.Region;
    public string Description => Content.Description;
    public string? ContactName => Content.ContactName;
    public string? ContactEmail => Content.ContactEmail;

    /// <param name="linkWindow">When given, the reports linked to each within it are loaded too, in one more query.</param>
    public static async Task<Dictionary<long, ReportForMail>> Load(NpgsqlConnection connection, KeyRing keys, long[] reportIds,
        CancellationToken cancellationToken, TimeSpan? linkWindow = null)
    {
        var reports = await LoadReports(connection, keys, reportIds, cancellationToken);
        if (linkWindow is not { } window)
            return reports;
        var linked = await LinkedReports.Load(connection, reportIds, window, cancellationToken);
        return reports.ToDictionary(pair => pair.Key, pair => pair.Value with { AlsoReportedIn = linked.GetValueOrDefault(pair.Key) });
    }

    private static async Task<Dictionary<long, ReportForMail>> LoadReports(NpgsqlConnection connection, KeyRing keys, long[] reportIds,
        CancellationToken cancellationToken) =>
        (await connection.QueryAsync<ReportForMail, SealedContent?, ReportForMail>(new CommandDefinition("""
            select reports.id, reference, language, reporter_role as ReporterRole, category, country, occurred,
                   child_age_range as ChildAgeRange, child_in_danger as ChildInDanger,
                   contact_preference as ContactPreference, email_wording as EmailWording, priority, received_at as ReceivedAt,
                   captcha_verified as CaptchaVerified, honeypot_filled as HoneypotFilled, seconds_to_fill as SecondsToFill,
                   screening_reasons as ScreeningReasons, c.screening as Screening,
                   c.screening_decided_at - reports.received_at as ScreeningWaited,
                   key_id as KeyId, data_key as DataKey, content
            from reports left join cases c on c.report_id = reports.id
            where reports.id = any(@reportIds)
            """, new { reportIds }, cancellationToken: cancellationToken),
            (report, content) => content is { Content: not null }
                ? report with { Content = keys.Open(report.Reference, content.KeyId, content.DataKey!).Open<ReportContent>(content.Content, SealedPurpose.ReportContent) }
                : report,
            splitOn: "KeyId")).ToDictionary(report => report.Id);

    private sealed record SealedContent(string KeyId, byte[]? DataKey, byte[]? Content);
}
