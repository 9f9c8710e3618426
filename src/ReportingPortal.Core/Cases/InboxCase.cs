using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.Cases;

/// <summary>
/// One line of the inbox. <see cref="Due"/> is the deadline that matters now: the first action while nobody has acted,
/// then the reporter's feedback.
/// </summary>
public sealed record InboxCase(string Reference, Priority Priority, string Category, CaseStatus Status, long? OwnerAccountId,
    string? OwnerName, DateTime Due, bool Overdue, bool DueSoon, DateTime ReceivedAt);
