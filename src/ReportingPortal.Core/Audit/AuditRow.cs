namespace ReportingPortal.Core.Audit;

/// <summary>One line of the audit log as administrators read it: accounts by email, the case by its reference.</summary>
public sealed class AuditRow
{
    public long Id { get; init; }
    public DateTime At { get; init; }
    public string? ActorEmail { get; init; }
    public string? ActorName { get; init; }
    public AuditAction Action { get; init; }
    public string? Reference { get; init; }
    public string? SubjectEmail { get; init; }
    public string? Detail { get; init; }
}
