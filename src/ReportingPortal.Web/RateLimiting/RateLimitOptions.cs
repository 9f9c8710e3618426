namespace ReportingPortal.Web.RateLimiting;

/// <summary>How many requests one client address may make in a window, per kind of request.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>An IPv6 client counts by this many leading bits of its address: 64, one home or school network.</summary>
    public int IPv6PrefixLength { get; set; } = 64;

    /// <summary>Reports sent: a whole report counts once, however many steps of the form were posted before it.</summary>
    public RateLimit Reports { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(10) };

    /// <summary>Every post of the report form, moving between its steps or sending it: a generous limit.</summary>
    public RateLimit ReportSteps { get; set; } = new() { PermitLimit = 300, Window = TimeSpan.FromMinutes(10) };

    /// <summary>Reports that are accepted without a solved captcha, or look automated: a stricter limit.</summary>
    public RateLimit UnverifiedReports { get; set; } = new() { PermitLimit = 3, Window = TimeSpan.FromHours(1) };

    /// <summary>Captcha challenges fetched.</summary>
    public RateLimit Challenges { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(10) };

    /// <summary>Attempts at something secret: console sign-in and access codes.</summary>
    public RateLimit Guesses { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(15) };

    /// <summary>Access-code attempts sent without a solved captcha (no JavaScript): a stricter limit on top of <see cref="Guesses"/>.</summary>
    public RateLimit UnverifiedGuesses { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromHours(1) };

    public IEnumerable<RateLimit> All() => [Reports, ReportSteps, UnverifiedReports, Challenges, Guesses, UnverifiedGuesses];
}
