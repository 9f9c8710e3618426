using Dapper;
using Npgsql;
using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.Email;

/// <summary>What the mail about one report needs, read from the reports table when it is sent.</summary>
public sealed class ReportForMail
{
    public long Id { get; init; }
    public string Reference { get; init; } = "";
    public string Language { get; init; } = "en";
    public string ReporterRole { get; init; } = "";
    public string Category { get; init; } = "";
    public string[] Urls { get; init; } = [];
    public string? Platform { get; init; }
    public string? Usernames { get; init; }
    public string? Country { get; init; }
    public string? Region { get; init; }
    public string Occurred { get; init; } = "";
    public string ChildAgeRange { get; init; } = "";
    public string ChildInDanger { get; init; } = "";
    public string Description { get; init; } = "";
    public string ContactPreference { get; init; } = "";
    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
    public string? EmailWording { get; init; }
    public Priority Priority { get; init; } = Priority.Normal;
    public DateTime ReceivedAt { get; init; }
    public bool? CaptchaVerified { get; init; }
    public bool? HoneypotFilled { get; init; }
    public int? SecondsToFill { get; init; }

    public static async Task<Dictionary<long, ReportForMail>> Load(NpgsqlConnection connection, long[] reportIds, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<ReportForMail>(new CommandDefinition("""
            select id, reference, language, reporter_role as ReporterRole, category, urls, platform, usernames,
                   country, region, occurred, child_age_range as ChildAgeRange, child_in_danger as ChildInDanger,
                   description, contact_preference as ContactPreference, contact_name as ContactName,
                   contact_email as ContactEmail, email_wording as EmailWording, priority, received_at as ReceivedAt,
                   captcha_verified as CaptchaVerified, honeypot_filled as HoneypotFilled, seconds_to_fill as SecondsToFill
            from reports where id = any(@reportIds)
            """, new { reportIds }, cancellationToken: cancellationToken))).ToDictionary(report => report.Id);
}
