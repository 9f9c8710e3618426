namespace ReportingPortal.Core.FollowUp;

/// <summary>Which way a message between responders and the reporter went. Stored by name in case_messages.direction.</summary>
public enum MessageDirection
{
    ToReporter,
    FromReporter,
}
