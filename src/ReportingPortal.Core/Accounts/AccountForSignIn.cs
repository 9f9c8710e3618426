namespace ReportingPortal.Core.Accounts;

/// <summary>What sign-in needs of an account. <see cref="TotpSecret"/> is still protected.</summary>
public sealed record AccountForSignIn(
    long Id,
    string Email,
    string DisplayName,
    bool IsAdministrator,
    string? PasswordHash,
    byte[]? TotpSecret,
    long? TotpLastStep,
    DateTime? EnrolledAt,
    DateTime? DisabledAt,
    int FailedSignIns,
    DateTime? SignInBlockedUntil)
{
    public bool CanSignIn => EnrolledAt is not null && DisabledAt is null && PasswordHash is not null && TotpSecret is not null;

    public bool IsBlockedAt(DateTimeOffset now) => SignInBlockedUntil is { } until && new DateTimeOffset(until, TimeSpan.Zero) > now;
}
