namespace ReportingPortal.Core.Audit;

/// <summary>
/// One line of the audit log. <paramref name="Detail"/> names statuses, outcomes, queues or roles; never what a report
/// or a note says, never a client address.
/// </summary>
public sealed record AuditEntry(
    AuditAction Action,
    long? ActorAccountId,
    long? ReportId = null,
    long? SubjectAccountId = null,
    string? Detail = null);
