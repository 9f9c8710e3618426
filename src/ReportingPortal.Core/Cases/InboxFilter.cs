using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.Cases;

/// <summary>Which cases of the account's queues the inbox shows; every filter left empty shows them all.</summary>
public sealed record InboxFilter(
    CaseStatus? Status = null,
    Priority? Priority = null,
    bool Overdue = false,
    bool DueSoon = false,
    bool Mine = false,
    bool Unassigned = false,
    string? Queue = null,
    int Page = 1);
