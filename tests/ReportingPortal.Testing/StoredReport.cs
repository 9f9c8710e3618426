using Dapper;
using ReportingPortal.Core.Encryption;
using ReportingPortal.Core.Reports;

namespace ReportingPortal.Testing;

/// <summary>A row of the reports table, read straight from the database, its sealed content opened with the tests' key.</summary>
// Property names as the columns are, so Dapper maps them without configuration.
public sealed class StoredReport
{
    public long id { get; init; }
    public string reference { get; init; } = null!;
    public byte[] access_code_hash { get; init; } = null!;
    public string language { get; init; } = null!;
    public string reporter_role { get; init; } = null!;
    public string category { get; init; } = null!;
    public string? country { get; init; }
    public string occurred { get; init; } = null!;
    public string child_age_range { get; init; } = null!;
    public string child_in_danger { get; init; } = null!;
    public string contact_preference { get; init; } = null!;
    public DateTime received_at { get; init; }
    public bool? captcha_verified { get; init; }
    public bool? honeypot_filled { get; init; }
    public int? seconds_to_fill { get; init; }
    public string? key_id { get; init; }
    public byte[]? data_key { get; init; }
    public byte[]? content { get; init; }

    /// <summary>What the reporter typed, unsealed; null once the content was deleted.</summary>
    public ReportContent? Content => content is null ? null
        : Portal.TestKeys.Open(reference, key_id!, data_key!).Open<ReportContent>(content, SealedPurpose.ReportContent);

    public string[] urls => Content!.Urls;
    public string? platform => Content!.Platform;
    public string? usernames => Content!.Usernames;
    public string? region => Content!.Region;
    public string description => Content!.Description;
    public string? contact_name => Content!.ContactName;
    public string? contact_email => Content!.ContactEmail;

    public static async Task<StoredReport> Load(string reference, string? connectionString = null)
    {
        await using var connection = await TestDatabase.OpenDatabase(connectionString ?? TestDatabase.ConnectionString);
        return await connection.QuerySingleAsync<StoredReport>(Select + " where reference = @reference", new { reference });
    }

    private const string Select = """
            select id, reference, access_code_hash, language, reporter_role, category, country, occurred, child_age_range,
                   child_in_danger, contact_preference, received_at, captcha_verified, honeypot_filled, seconds_to_fill,
                   key_id, data_key, content
            from reports
            """;

    public static async Task<long> Count()
    {
        await using var connection = await TestDatabase.Open();
        return await connection.ExecuteScalarAsync<long>("select count(*) from reports");
    }

    public static async Task<long> CountWithDescription(string description, string? connectionString = null) =>
        (await WithDescription(description, connectionString)).Count;

    /// <summary>The stored reports that say <paramref name="description"/>: every report's content is opened to find them.</summary>
    public static async Task<List<StoredReport>> WithDescription(string description, string? connectionString = null)
    {
        await using var connection = await TestDatabase.OpenDatabase(connectionString ?? TestDatabase.ConnectionString);
        var reports = await connection.QueryAsync<StoredReport>(Select + " where content is not null");
        return reports.Where(report => report.description == description).ToList();
    }
}
