using System.ComponentModel.DataAnnotations;

namespace ReportingPortal.Core.Jobs;

public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// Whether the web site also runs the job server in its own process: only for the smallest installs. A worker
    /// process always runs it.
    /// </summary>
    public bool RunServerInWebSite { get; set; }

    [Range(1, 100)]
    public int WorkerCount { get; set; } = 8;
}
