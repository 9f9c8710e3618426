namespace ReportingPortal.Web.FollowUp;

/// <summary>Why the reference and access code did not open a report, as the page says it.</summary>
public enum OpenProblem
{
    /// <summary>The reference or the code is wrong; never which.</summary>
    NotRight,

    /// <summary>What was typed cannot be a reference at all.</summary>
    ReferenceShape,

    /// <summary>What was typed cannot be an access code at all.</summary>
    AccessCodeShape,

    /// <summary>The captcha's answer was wrong, expired or used before.</summary>
    CaptchaRefused,

    /// <summary>Too many tries: for this reference, or from this client.</summary>
    TryLater,
}
