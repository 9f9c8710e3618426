using System.ComponentModel.DataAnnotations;

namespace ReportingPortal.Core.Email;

/// <summary>How owed mail is retried and picked up.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>How long a temporary failure (server down, timeout, 4xx) is retried before the email counts as failed.</summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromHours(48);

    public TimeSpan FirstRetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries back off, doubling up to this.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often owed mail is looked for and handed to the job server.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How long an email handed to a job stays with that job; the job renews it while it works. Longer than a job
    /// waits in the queue and one SMTP attempt takes. Mail whose job never ran or died is handed out again once it passes.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Emails handed out and not yet done, at most, over every worker: enough to keep all senders busy, few enough
    /// that mail arriving during a backlog (an acknowledgement) is handed out within moments, ahead of the backlog.
    /// </summary>
    [Range(1, 100000)]
    public int MaxHandedOut { get; set; } = 1000;

    [Range(1, 5000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>Emails sent by one job, one after another.</summary>
    [Range(1, 1000)]
    public int EmailsPerJob { get; set; } = 50;
}
