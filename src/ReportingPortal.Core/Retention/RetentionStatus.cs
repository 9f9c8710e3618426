using ReportingPortal.Core.Encryption;

namespace ReportingPortal.Core.Retention;

/// <summary>What the stored data page shows administrators: which keys wrap the reports, and what retention has done and owes.</summary>
public sealed record RetentionStatus(
    string CurrentKeyId,
    IReadOnlyList<KeyUse> Keys,
    long ContentKept,
    long ContentDeleted,
    long DueForDeletion,
    long OpenTooLong,
    IReadOnlyList<RetentionStatus.OpenReport> OldestOpen)
{
    public sealed record OpenReport(string Reference, DateTime ReceivedAt, Cases.CaseStatus Status);
}
