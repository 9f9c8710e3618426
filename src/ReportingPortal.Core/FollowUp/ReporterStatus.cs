namespace ReportingPortal.Core.FollowUp;

/// <summary>Where a report stands, in the words a reporter is given.</summary>
public enum ReporterStatus
{
    /// <summary>Received; nobody has taken it yet.</summary>
    Received,

    /// <summary>A person is looking at it: someone owns it, or it is in progress.</summary>
    BeingLookedAt,

    /// <summary>Passed to another service, named by its sector.</summary>
    PassedOn,

    Closed,
}
