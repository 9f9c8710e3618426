using ReportingPortal.Core.Configuration;
using Microsoft.Extensions.Options;

namespace ReportingPortal.Core.Forwarding;

public static class ForwardingServiceCollectionExtensions
{
    public static IServiceCollection AddForwarding(this IServiceCollection services)
    {
        services.AddValidatedOptions<RespondersOptions>(RespondersOptions.Section);
        services.AddSingleton<IValidateOptions<RespondersOptions>, RespondersOptionsValidator>();
        services.AddSingleton<Router>();
        services.AddSingleton<ForwardMessage>();
        return services;
    }
}
