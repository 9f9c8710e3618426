namespace ReportingPortal.Web.Accounts;

/// <summary>What became of an invitation or a new enrolment link.</summary>
public enum InviteOutcome
{
    Sent,
    NotSent,
    EmailTaken,
    Invalid,
}
