using ReportingPortal.Web.Configuration;
namespace ReportingPortal.Web.Signposting;

public static class SignpostingServiceCollectionExtensions
{
    public static IServiceCollection AddSignposting(this IServiceCollection services)
    {
        services.AddValidatedOptions<SignpostingOptions>(SignpostingOptions.Section);
        return services;
    }
}
