namespace ReportingPortal.Core.Email;

/// <summary>Where an owed email stands. Stored by name in mail_deliveries.status (see <see cref="Storage.StoredNames"/>).</summary>
public enum DeliveryStatus
{
    /// <summary>Not sent yet, or being retried after a temporary failure.</summary>
    Pending,

    Sent,

    /// <summary>Refused for good (5xx), or still failing when Delivery:RetryFor ran out; shown to operators.</summary>
    Failed,

    /// <summary>A forward of a report waiting for screening: Pending when a screener releases it, deleted when spam.</summary>
    Held,
}
