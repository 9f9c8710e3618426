namespace ReportingPortal.Web.Accounts;

/// <summary>How a sign-in (or a check of the password and code before a change) ended.</summary>
public enum SignInOutcome
{
    SignedIn,
    Failed,
    Blocked,
}
