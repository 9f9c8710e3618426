namespace ReportingPortal.Core.Accounts;

/// <summary>Why <see cref="PasswordPolicy"/> refuses a new password.</summary>
public enum PasswordProblem
{
    TooShort,
    Common,
    SameAsEmail,
}
