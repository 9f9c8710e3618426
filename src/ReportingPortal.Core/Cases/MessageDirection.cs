namespace ReportingPortal.Core.Cases;

/// <summary>Which way a message between responders and the reporter went. Stored by name in case_messages.direction.</summary>
public enum MessageDirection
{
    /// <summary>A responder wrote to the reporter, who reads it when they come back with their reference and access code.</summary>
    ToReporter,

    /// <summary>The reporter wrote: an answer or something more, text and links.</summary>
    FromReporter,
}
