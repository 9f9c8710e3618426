using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ReportingPortal.Web.RateLimiting;

/// <summary>
/// The stricter limit for reports accepted without a solved captcha (no JavaScript) or that look automated. It is
/// known only once the form has been read, so the page asks it rather than the endpoint's policy.
/// </summary>
public sealed class UnverifiedReportLimiter(ClientKeys clients, IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => RateLimitPolicies.FixedWindow(options.Value.UnverifiedReports)));

    /// <summary>True when this client may send one more; otherwise how long until it may.</summary>
    public bool TryAcquire(HttpContext context, out TimeSpan? retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(clients.For(context));
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
