using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReportingPortal.Core;

namespace ReportingPortal.IntegrationTests.Infrastructure;

public static class PortalServices
{
    /// <summary>The portal's own services, composed in this process by AddPortalCore with the portal's settings, as both hosts compose them.</summary>
    public static ServiceProvider For(Portal portal)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Repository.WebProject, "appsettings.json"))
            .AddInMemoryCollection(portal.Settings.ToDictionary(setting => setting.Key.Replace("__", ":"), setting => (string?)setting.Value))
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging();
        services.AddPortalCore();
        return services.BuildServiceProvider();
    }
}
