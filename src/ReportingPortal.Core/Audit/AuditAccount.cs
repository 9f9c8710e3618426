namespace ReportingPortal.Core.Audit;

/// <summary>An account the audit log can be narrowed to.</summary>
public sealed record AuditAccount(long Id, string Email, string DisplayName);
