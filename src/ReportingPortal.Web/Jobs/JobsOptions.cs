using System.ComponentModel.DataAnnotations;

namespace ReportingPortal.Web.Jobs;

public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Whether this instance runs the job server (and hands out owed mail). Off for web-only instances.</summary>
    public bool RunServer { get; set; } = true;

    [Range(1, 100)]
    public int WorkerCount { get; set; } = 8;
}
