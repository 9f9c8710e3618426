namespace ReportingPortal.Web.Cases;

/// <summary>What a responder's words on the case page are: chosen every time, because only one kind reaches the reporter.</summary>
public enum CaseWriting
{
    /// <summary>Only the responders of the case's queues read it.</summary>
    InternalNote,

    /// <summary>The reporter reads it when they come back with their reference and access code; it never shows who wrote it.</summary>
    MessageToReporter,
}
