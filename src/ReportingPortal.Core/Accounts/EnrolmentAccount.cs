namespace ReportingPortal.Core.Accounts;

/// <summary>The account an unused, unexpired enrolment link is for.</summary>
public sealed record EnrolmentAccount(long Id, string Email, string DisplayName);
