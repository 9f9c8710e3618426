using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ReportingPortal.Web.Errors;

public static class ErrorsServiceCollectionExtensions
{
    /// <summary>The log of unhandled errors, each stack trace written once and repeats counted (see <see cref="RepeatedErrors"/>).</summary>
    public static IServiceCollection AddUnhandledErrorLog(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new RepeatedErrors());
        services.AddSingleton<UnhandledErrorLog>();
        return services;
    }
}
