using Microsoft.Extensions.Options;

namespace ReportingPortal.Core.Configuration;

public static class OptionsExtensions
{
    /// <summary>Binds a configuration section, checked at start-up so a bad setting stops the portal with its key.</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, string section)
        where TOptions : class =>
        services.AddOptions<TOptions>()
            .BindConfiguration(section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
}
