namespace ReportingPortal.Core.Screening;

/// <summary>
/// Screening: reports whose signals are weak wait in a screening queue, their forwards held, until a member of that
/// queue releases them or marks them spam; the queue is mailed a digest, not one email per report.
/// </summary>
public sealed class ScreeningOptions
{
    public const string Section = "Screening";

    public bool Enabled { get; set; }

    /// <summary>One of Forwarding:Queues: its members screen, its addresses get the digest.</summary>
    public string Queue { get; set; } = "";

    /// <summary>The screening queue is mailed at most once in this time, this long after the first report it lists.</summary>
    public TimeSpan DigestInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>More reports than this from one client in <see cref="ClientKeyWindow"/> are screened.</summary>
    public int ReportsPerClientKey { get; set; } = 5;

    public TimeSpan ClientKeyWindow { get; set; } = TimeSpan.FromMinutes(10);
}
