using ReportingPortal.Core.Forwarding;

namespace ReportingPortal.Core.FollowUp;

/// <summary>
/// What a reporter sees of their report after typing its access code, and what responders are shown of it: never the
/// report's content (description, links, usernames, contact details), since a shared screen may be seen by the person
/// reported.
/// </summary>
/// <param name="PassedTo">The sector of the service the case was last passed to, when <see cref="Status"/> is PassedOn.</param>
/// <param name="Outcome">The outcome's name (see Cases:Outcomes), when closed and the responder chose to share it.</param>
/// <param name="ContentDeleted">The report was closed long enough ago that what it said, and the messages, were deleted.</param>
public sealed record ReporterView(
    string Reference,
    DateTime ReceivedAt,
    string Language,
    bool ForAChild,
    ReporterStatus Status,
    Sector? PassedTo,
    string? Outcome,
    IReadOnlyList<ReporterMessage> Messages,
    bool ContentDeleted = false)
{
    /// <summary>Whether the reporter may still answer or add information: until the case is closed.</summary>
    public bool MayWrite => Status != ReporterStatus.Closed;
}
