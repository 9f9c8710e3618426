namespace ReportingPortal.Core.Cases;

/// <summary>
/// The statuses a responder may set by hand: New → In progress → Referred, and back to In progress. Closing and
/// reopening go through their own actions, since closing needs an outcome.
/// </summary>
public static class CaseStatusChanges
{
    public static readonly IReadOnlyList<CaseStatus> Settable = [CaseStatus.InProgress, CaseStatus.Referred];

    public static bool Allowed(CaseStatus from, CaseStatus to) =>
        from != CaseStatus.Closed && from != to && Settable.Contains(to);
}
