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
    /// Mail handed to a job that has not started on it after this is handed out again. Mail whose sender died
    /// mid-way is handed out again as soon as its claim expires.
    /// </summary>
    public TimeSpan HandOutAgainAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a sender holds an email it is sending; longer than one SMTP attempt can take. Mail whose sender
    /// died is sent again once this has passed.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    [Range(1, 5000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>Emails of several reports sent by one job, one after another over one SMTP connection.</summary>
    [Range(1, 1000)]
    public int EmailsPerJob { get; set; } = 50;
}
