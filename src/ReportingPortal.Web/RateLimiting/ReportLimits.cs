using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using ReportingPortal.Core.Screening;

namespace ReportingPortal.Web.RateLimiting;

/// <summary>
/// The limits on sending reports, per client: every report sent, and the stricter one for reports accepted without a
/// solved captcha (no JavaScript) or that look automated. Whether a post sends a report, and how it looks, is known
/// only once the form has been read, so the page asks these limiters rather than an endpoint's policy. The same goes
/// for access codes typed without a solved captcha.
/// </summary>
public sealed class ReportLimits(ClientKeys clients, IOptions<RateLimitOptions> options, IOptions<ScreeningOptions> screening) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _sent = PerClient(() => options.Value.Reports);
    private readonly PartitionedRateLimiter<string> _unverified = PerClient(() => options.Value.UnverifiedReports);
    private readonly PartitionedRateLimiter<string> _unverifiedGuesses = PerClient(() => options.Value.UnverifiedGuesses);
    private readonly PartitionedRateLimiter<string> _screeningBurst = PerClient(() => new RateLimit
    {
        PermitLimit = screening.Value.ReportsPerClientKey,
        Window = screening.Value.ClientKeyWindow,
    });

    /// <summary>A report sent, whether it is stored or refused for its captcha: true when this client may send one more;
    /// otherwise how long until it may.</summary>
    public bool TrySend(HttpContext context, out TimeSpan? retryAfter) => TryAcquire(_sent, context, out retryAfter);

    /// <summary>A report without a solved captcha, or that looks automated, on top of <see cref="TrySend"/>.</summary>
    public bool TrySendUnverified(HttpContext context, out TimeSpan? retryAfter) => TryAcquire(_unverified, context, out retryAfter);

    /// <summary>An access code typed without a solved captcha, on top of the endpoint's guess limit.</summary>
    public bool TryGuessUnverified(HttpContext context, out TimeSpan? retryAfter) => TryAcquire(_unverifiedGuesses, context, out retryAfter);

    /// <summary>Counts a report stored and says whether its client sent more than Screening:ReportsPerClientKey in the
    /// window. Only the answer leaves this counter, which lives in memory under the client's keyed hash.</summary>
    public bool IsBurst(HttpContext context) => !TryAcquire(_screeningBurst, context, out _);

    private bool TryAcquire(PartitionedRateLimiter<string> limiter, HttpContext context, out TimeSpan? retryAfter)
    {
        using var lease = limiter.AttemptAcquire(clients.For(context));
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;
        return lease.IsAcquired;
    }

    private static PartitionedRateLimiter<string> PerClient(Func<RateLimit> limit) =>
        PartitionedRateLimiter.Create<string, string>(client =>
            RateLimitPartition.GetFixedWindowLimiter(client, _ => RateLimitPolicies.FixedWindow(limit())));

    public void Dispose()
    {
        _sent.Dispose();
        _unverified.Dispose();
        _unverifiedGuesses.Dispose();
        _screeningBurst.Dispose();
    }
}
