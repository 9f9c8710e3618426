namespace ReportingPortal.Testing;

/// <summary>
/// An enrolled console account and everything needed to sign in as it. <see cref="LastStep"/> is the TOTP step of the
/// last code used, since the portal refuses a code of that step or an earlier one.
/// </summary>
public sealed record TestAccount(long Id, string Email, string DisplayName, string Password, string TotpKey, IReadOnlyList<string> RecoveryCodes)
{
    public long LastStep { get; set; }
}
