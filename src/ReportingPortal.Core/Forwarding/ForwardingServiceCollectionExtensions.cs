using ReportingPortal.Core.Configuration;
using Microsoft.Extensions.Options;

namespace ReportingPortal.Core.Forwarding;

public static class ForwardingServiceCollectionExtensions
{
    public static IServiceCollection AddForwarding(this IServiceCollection services)
    {
        services.AddValidatedOptions<ForwardingOptions>(ForwardingOptions.Section);
        services.AddSingleton<IValidateOptions<ForwardingOptions>, ForwardingOptionsValidator>();
        services.AddSingleton<Router>();
        services.AddSingleton<ForwardMessage>();
        services.AddSingleton<ForwardEncryption>();
        services.AddHostedService(provider => provider.GetRequiredService<ForwardEncryption>());
        return services;
    }
}
