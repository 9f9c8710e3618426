using System.ComponentModel.DataAnnotations;

namespace ReportingPortal.Web.RateLimiting;

/// <summary>How many requests one client address may make in a window, per kind of request.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Report form posts.</summary>
    public RateLimit Reports { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(10) };

    /// <summary>Report form posts that are accepted without a solved captcha, or look automated: a stricter limit.</summary>
    public RateLimit UnverifiedReports { get; set; } = new() { PermitLimit = 3, Window = TimeSpan.FromHours(1) };

    /// <summary>Captcha challenges fetched.</summary>
    public RateLimit Challenges { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(10) };

    /// <summary>Attempts at something secret: operator sign-in (and any code lookup).</summary>
    public RateLimit Guesses { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(15) };

    public IEnumerable<RateLimit> All() => [Reports, UnverifiedReports, Challenges, Guesses];
}

public sealed class RateLimit
{
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}
