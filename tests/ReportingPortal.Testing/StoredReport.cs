using Dapper;

namespace ReportingPortal.Testing;

/// <summary>A row of the reports table, read straight from the database.</summary>
// Property names as the columns are, so Dapper maps them without configuration.
public sealed class StoredReport
{
    public long id { get; init; }
    public string reference { get; init; } = null!;
    public byte[] access_code_hash { get; init; } = null!;
    public string language { get; init; } = null!;
    public string reporter_role { get; init; } = null!;
    public string category { get; init; } = null!;
    public string[] urls { get; init; } = null!;
    public string? platform { get; init; }
    public string? usernames { get; init; }
    public string? country { get; init; }
    public string? region { get; init; }
    public string occurred { get; init; } = null!;
    public string child_age_range { get; init; } = null!;
    public string child_in_danger { get; init; } = null!;
    public string description { get; init; } = null!;
    public string contact_preference { get; init; } = null!;
    public string? contact_name { get; init; }
    public string? contact_email { get; init; }
    public DateTime received_at { get; init; }
    public bool? captcha_verified { get; init; }
    public bool? honeypot_filled { get; init; }
    public int? seconds_to_fill { get; init; }

    public static async Task<StoredReport> Load(string reference, string? connectionString = null)
    {
        await using var connection = await TestDatabase.OpenDatabase(connectionString ?? TestDatabase.ConnectionString);
        return await connection.QuerySingleAsync<StoredReport>("""
            select id, reference, access_code_hash, language, reporter_role, category, urls, platform, usernames,
                   country, region, occurred, child_age_range, child_in_danger, description, contact_preference,
                   contact_name, contact_email, received_at, captcha_verified, honeypot_filled, seconds_to_fill
            from reports where reference = @reference
            """, new { reference });
    }

    public static async Task<long> Count()
    {
        await using var connection = await TestDatabase.Open();
        return await connection.ExecuteScalarAsync<long>("select count(*) from reports");
    }

    public static async Task<long> CountWithDescription(string description, string? connectionString = null)
    {
        await using var connection = await TestDatabase.OpenDatabase(connectionString ?? TestDatabase.ConnectionString);
        return await connection.ExecuteScalarAsync<long>("select count(*) from reports where description = @description", new { description });
    }
}
