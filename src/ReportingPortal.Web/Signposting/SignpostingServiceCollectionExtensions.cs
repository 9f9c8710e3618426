namespace ReportingPortal.Web.Signposting;

public static class SignpostingServiceCollectionExtensions
{
    public static IServiceCollection AddSignposting(this IServiceCollection services)
    {
        services.AddOptions<SignpostingOptions>()
            .BindConfiguration(SignpostingOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }
}
