using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using ReportingPortal.Core.Configuration;

namespace ReportingPortal.Web.RateLimiting;

/// <summary>ASP.NET Core's rate limiter, partitioned by <see cref="ClientKeys"/>, answering 429 with Retry-After.</summary>
public static class RateLimitPolicies
{
    /// <summary>Every post of the report form; sending a report also counts against <see cref="ReportLimits"/>.</summary>
    public const string ReportSteps = "report-steps";
    public const string Challenges = "challenges";

    /// <summary>For anything that checks a secret: operator sign-in today, an access-code lookup tomorrow.</summary>
    public const string Guesses = "guesses";

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services)
    {
        services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.Section)
            .Validate(options => options.All().All(limit => limit.PermitLimit > 0 && limit.Window > TimeSpan.Zero),
                "RateLimits:<kind>:PermitLimit and RateLimits:<kind>:Window must be positive.")
            .Validate(options => options.IPv6PrefixLength is >= 32 and <= 128,
                "RateLimits:IPv6PrefixLength must be between 32 and 128 (64 counts one home or school network as one client).");
        services.AddSingleton<ClientKeys>();
        services.AddSingleton<ReportLimits>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, _) =>
            {
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    SetRetryAfter(rejected.HttpContext.Response, retryAfter);
                return ValueTask.CompletedTask;
            };
            // Reading a page is free; sending a form, or asking for a challenge, counts.
            limiter.AddPolicy(ReportSteps, context => Partition(context, options => options.ReportSteps, postsOnly: true));
            limiter.AddPolicy(Guesses, context => Partition(context, options => options.Guesses, postsOnly: true));
            limiter.AddPolicy(Challenges, context => Partition(context, options => options.Challenges, postsOnly: false));
        });
        return services;
    }

    public static FixedWindowRateLimiterOptions FixedWindow(RateLimit limit) => new()
    {
        PermitLimit = limit.PermitLimit,
        Window = limit.Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    public static void SetRetryAfter(HttpResponse response, TimeSpan retryAfter) =>
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static RateLimitPartition<string> Partition(HttpContext context, Func<RateLimitOptions, RateLimit> limit, bool postsOnly)
    {
        if (postsOnly && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
            return RateLimitPartition.GetNoLimiter("reading");
        var settings = limit(context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value);
        return RateLimitPartition.GetFixedWindowLimiter(
            context.RequestServices.GetRequiredService<ClientKeys>().For(context), _ => FixedWindow(settings));
    }
}
