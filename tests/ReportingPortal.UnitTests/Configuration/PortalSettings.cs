using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using ReportingPortal.Testing;
using ReportingPortal.Web;

namespace ReportingPortal.UnitTests.Configuration;

/// <summary>
/// The web site's services as Program.cs composes them, on the shipped appsettings.json plus the secrets an operator
/// must supply, with some settings changed. Nothing is started: only the settings are read and checked.
/// </summary>
public static class PortalSettings
{
    private static readonly Dictionary<string, string?> Secrets = new()
    {
        ["ConnectionStrings:Portal"] = "Host=127.0.0.1;Database=reportingportal",
        ["Receipts:SecretKey"] = Convert.ToBase64String(new byte[32]),
        ["Captcha:Altcha:HmacKey"] = Convert.ToBase64String(new byte[32]),
        ["Encryption:Keys:k1"] = Convert.ToBase64String(new byte[32]),
        ["Encryption:CurrentKeyId"] = "k1",
        ["Smtp:Host"] = "127.0.0.1",
        ["Console:Address"] = "https://report.example.org",
        ["Smtp:From"] = "Report child abuse <no-reply@portal.example>",
    };

    public static ServiceProvider WebSite(IDictionary<string, string?>? changes = null, string environment = "Production")
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Repository.WebProject, "appsettings.json"), optional: false)
            .AddInMemoryCollection(Secrets)
            .AddInMemoryCollection(changes ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new Environment(environment));
        services.AddLogging();
        services.AddPortalWebSite();
        return services.BuildServiceProvider();
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "ReportingPortal.Web";
        public string ContentRootPath { get; set; } = Repository.WebProject;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
