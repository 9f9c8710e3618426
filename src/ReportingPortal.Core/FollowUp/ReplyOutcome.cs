namespace ReportingPortal.Core.FollowUp;

public enum ReplyOutcome
{
    Sent,

    /// <summary>The answers need changing; the messages say how.</summary>
    Invalid,

    /// <summary>The case is closed: a new report is the way to tell more.</summary>
    Closed,

    NotFound,
}
