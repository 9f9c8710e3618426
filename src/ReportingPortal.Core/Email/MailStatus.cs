namespace ReportingPortal.Core.Email;

/// <summary>What operators see of the outbox: emails per status, those that failed for good and those being retried.</summary>
public sealed record MailStatus(
    IReadOnlyList<MailStatus.StatusCount> Counts,
    IReadOnlyList<MailStatus.FailedEmail> Failed,
    IReadOnlyList<MailStatus.RetryingEmail> Retrying)
{
    public sealed record StatusCount(DeliveryStatus Status, long Count);

    public sealed record FailedEmail(string Reference, DeliveryKind Kind, string? Queue, string? Recipient, int Attempts,
        string? LastError, DateTime FailedAt);

    public sealed record RetryingEmail(string Reference, DeliveryKind Kind, string? Queue, int Attempts, string? LastError,
        DateTime NextAttemptAt);
}
