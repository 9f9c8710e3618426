using ReportingPortal.Core.Configuration;

namespace ReportingPortal.Core.Retention;

public static class RetentionServiceCollectionExtensions
{
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddValidatedOptions<RetentionOptions>(RetentionOptions.Section)
            .Validate(options => options.ClosedContentKeptFor > TimeSpan.Zero && options.SpamContentKeptFor > TimeSpan.Zero
                                 && options.OpenReportsFlaggedAfter > TimeSpan.Zero && options.SentMailKeptFor > TimeSpan.Zero,
                "Retention:ClosedContentKeptFor, SpamContentKeptFor, OpenReportsFlaggedAfter and SentMailKeptFor must be positive (for example 90.00:00:00).")
            .Validate(options => !string.IsNullOrWhiteSpace(options.SpamOutcome), "Retention:SpamOutcome must name the outcome that marks spam.")
            .Validate(options => options.BatchSize is >= 1 and <= 10_000, "Retention:BatchSize must be between 1 and 10000.");
        services.AddSingleton<RetentionJob>();
        services.AddSingleton<RetentionStatusQuery>();
        return services;
    }
}
