using System.ComponentModel.DataAnnotations;

namespace ReportingPortal.Core.Monitoring;

/// <summary>
/// The management port: metrics (and on the worker, health) for the cluster's own tools, apart from the public site.
/// It must never be reachable from the internet.
/// </summary>
public sealed class ManagementOptions
{
    public const string Section = "Management";

    public const string WebSiteDefault = "http://127.0.0.1:9090";
    public const string WorkerDefault = "http://127.0.0.1:9091";

    /// <summary>Where the management port listens, as ASPNETCORE_URLS takes it (in a container: <c>http://+:9090</c>).</summary>
    [Required(ErrorMessage = "Management:Urls is required (for example http://127.0.0.1:9090).")]
    public string Urls { get; set; } = "";
}
