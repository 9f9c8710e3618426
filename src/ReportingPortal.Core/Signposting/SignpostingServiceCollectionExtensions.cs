using ReportingPortal.Core.Configuration;
using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.Signposting;

public static class SignpostingServiceCollectionExtensions
{
    public static IServiceCollection AddSignposting(this IServiceCollection services)
    {
        services.AddValidatedOptions<SignpostingOptions>(SignpostingOptions.Section)
            .Validate(options => options.Countries.Keys.All(Countries.IsKnown),
                "Signposting:Countries must be keyed by ISO 3166 two-letter country codes, such as FR.");
        services.AddSingleton<HelpDirectory>();
        return services;
    }
}
