namespace ReportingPortal.Core.Accounts;

/// <summary>What a console password must be: long, not a common one, not the account's email.</summary>
public sealed class PasswordPolicy(CommonPasswords common)
{
    public const int MinimumLength = 12;

    /// <summary>Why <paramref name="password"/> is refused for the account with <paramref name="email"/>; null when it is fine.</summary>
    public PasswordProblem? Check(string password, string email)
    {
        if (password.Length < MinimumLength)
            return PasswordProblem.TooShort;
        if (string.Equals(password.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase))
            return PasswordProblem.SameAsEmail;
        if (common.Contains(password))
            return PasswordProblem.Common;
        return null;
    }
}
