using System.ComponentModel.DataAnnotations;
using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.Jobs;

/// <summary>How Hangfire runs the portal's jobs: the job server, its queues and how its storage is polled.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// Whether the web site also runs the job server in its own process: only for the smallest installs. A worker
    /// process always runs it.
    /// </summary>
    public bool RunServerInWebSite { get; set; }

    /// <summary>Twice Smtp:MaxConnections by default: while half send, the others build their next email and wait for a connection.</summary>
    [Range(1, 100, ErrorMessage = "Jobs:WorkerCount must be between 1 and 100.")]
    public int WorkerCount { get; set; } = 16;

    /// <summary>
    /// The queue per priority. Hangfire.PostgreSql takes waiting jobs in alphabetical order of queue name, so the
    /// names must sort in order of priority, urgent first.
    /// </summary>
    [Required(ErrorMessage = "Jobs:UrgentQueue is required.")]
    public string UrgentQueue { get; set; } = "p1_urgent";

    [Required(ErrorMessage = "Jobs:HighQueue is required.")]
    public string HighQueue { get; set; } = "p2_high";

    [Required(ErrorMessage = "Jobs:NormalQueue is required.")]
    public string NormalQueue { get; set; } = "p3_normal";

    /// <summary>How often an idle worker looks for a job when no notification woke it (LISTEN/NOTIFY wakes it at once).</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often scheduled and retried jobs that have come due are moved to their queue.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A job whose worker stopped renewing it (the process died) is run again after this.</summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a finished job stays in the history at /jobs.</summary>
    public TimeSpan JobExpiration { get; set; } = TimeSpan.FromDays(1);

    public string[] Queues() => [UrgentQueue, HighQueue, NormalQueue];

    public string QueueFor(Priority priority) => priority switch
    {
        Priority.Urgent => UrgentQueue,
        Priority.High => HighQueue,
        _ => NormalQueue,
    };
}
