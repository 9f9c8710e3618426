using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReportingPortal.Core;

namespace ReportingPortal.IntegrationTests.Infrastructure;

/// <summary>The portal's own services, composed in this process by AddPortalCore with a running portal's settings, as both hosts compose them.</summary>
public static class PortalServices
{
    /// <param name="before">Services added before the core's, which keep them (a clock, for example).</param>
    public static ServiceProvider For(Portal portal, Action<IServiceCollection>? before = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Repository.WebProject, "appsettings.json"))
            .AddInMemoryCollection(portal.Settings.ToDictionary(setting => setting.Key.Replace("__", ":"), setting => (string?)setting.Value))
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging();
        before?.Invoke(services);
        services.AddPortalCore();
        return services.BuildServiceProvider();
    }
}
