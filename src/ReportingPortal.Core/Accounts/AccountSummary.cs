namespace ReportingPortal.Core.Accounts;

/// <summary>An account as administrators see it in the list: who, what role, which queues, whether it can sign in.</summary>
public sealed record AccountSummary(
    long Id,
    string Email,
    string DisplayName,
    bool IsAdministrator,
    DateTime? EnrolledAt,
    DateTime? DisabledAt,
    DateTime? LinkExpiresAt)
{
    public IReadOnlyList<QueueMembership> Queues { get; init; } = [];
}
