namespace ReportingPortal.Core.FollowUp;

/// <summary>What typing a reference and an access code led to.</summary>
public enum AccessCodeResult
{
    Opened,

    /// <summary>The reference or the code is not right; which of the two is never said.</summary>
    Refused,

    /// <summary>Too many wrong codes for this reference: only "try again later", even to the right code.</summary>
    Locked,
}
