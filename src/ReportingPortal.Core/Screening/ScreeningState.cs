namespace ReportingPortal.Core.Screening;

/// <summary>Where a screened case stands. Stored by name in cases.screening; null for a case that was not screened.</summary>
public enum ScreeningState
{
    /// <summary>In the screening queue until a screener decides.</summary>
    Waiting,

    /// <summary>A screener let it through: its held forwards were sent.</summary>
    Released,

    /// <summary>A screener marked it spam: closed with the spam outcome, nothing forwarded.</summary>
    Spam,
}
