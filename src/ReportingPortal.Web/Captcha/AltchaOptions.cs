namespace ReportingPortal.Web.Captcha;

public sealed class AltchaOptions
{
    /// <summary>Base64 of at least 32 random bytes; challenges are signed with it (HMAC-SHA-256).</summary>
    public string HmacKey { get; set; } = "";

    /// <summary>The largest secret number at the usual rate of reports: the average work is half of it (about a
    /// second on a phone at 100,000).</summary>
    public int MaxNumber { get; set; } = 100_000;

    /// <summary>The largest it grows to when reports arrive faster than usual (see <see cref="AltchaDifficulty"/>).</summary>
    public int MaxNumberCeiling { get; set; } = 1_000_000;

    /// <summary>Reports a minute at which the work stays at <see cref="MaxNumber"/>; twice as many ask twice the work.</summary>
    public int UsualReportsPerMinute { get; set; } = 10;

    /// <summary>How long a challenge can be solved and sent; the widget fetches a new one when it expires.</summary>
    public TimeSpan Expires { get; set; } = TimeSpan.FromMinutes(20);
}
