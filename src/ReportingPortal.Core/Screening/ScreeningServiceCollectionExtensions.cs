using Microsoft.Extensions.Options;
using ReportingPortal.Core.Configuration;

namespace ReportingPortal.Core.Screening;

public static class ScreeningServiceCollectionExtensions
{
    public static IServiceCollection AddScreening(this IServiceCollection services)
    {
        services.AddValidatedOptions<ScreeningOptions>(ScreeningOptions.Section);
        services.AddSingleton<IValidateOptions<ScreeningOptions>, ScreeningOptionsValidator>();
        services.AddSingleton<ReleaseScreenedReportHandler>();
        services.AddSingleton<MarkScreenedReportSpamHandler>();
        services.AddSingleton<ScreeningDigestMessage>();
        services.AddSingleton<ScreeningQuery>();
        services.AddTransient<ScreeningDigestJob>();
        return services;
    }
}
