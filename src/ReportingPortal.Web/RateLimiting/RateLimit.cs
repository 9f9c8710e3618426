using System.ComponentModel.DataAnnotations;

namespace ReportingPortal.Web.RateLimiting;

public sealed class RateLimit
{
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}
