namespace ReportingPortal.Core.Cases;

/// <summary>Where a case stands. Stored by name in cases.status (see <see cref="Storage.StoredNames"/>).</summary>
public enum CaseStatus
{
    /// <summary>Nobody has acted on it yet.</summary>
    New,

    /// <summary>A responder took it or changed it.</summary>
    InProgress,

    /// <summary>Passed to another service's queue; the case stays open until someone closes it.</summary>
    Referred,

    /// <summary>Closed with an outcome from Cases:Outcomes; it can be reopened.</summary>
    Closed,
}
