using ReportingPortal.Core.Configuration;

namespace ReportingPortal.Core.Linking;

public static class LinkingServiceCollectionExtensions
{
    public static IServiceCollection AddLinking(this IServiceCollection services)
    {
        services.AddValidatedOptions<LinkingOptions>(LinkingOptions.Section)
            .Validate(options => options.Window > TimeSpan.Zero && options.Window <= TimeSpan.FromDays(366),
                "Linking:Window must be more than zero and at most 366 days (for example 30.00:00:00).")
            .Validate(options => string.IsNullOrEmpty(options.FingerprintKey) || Base64Keys.IsValid(options.FingerprintKey),
                Base64Keys.Requirement("Linking:FingerprintKey"));
        services.AddSingleton<LinkFingerprints>();
        return services;
    }
}
