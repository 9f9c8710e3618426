using ReportingPortal.Core.Accounts;

namespace ReportingPortal.Web.Accounts;

/// <summary>The signed-in account's own changes, each confirmed with its password and a code.</summary>
public sealed class AccountHandler(AccountStore accounts, SignInHandler signIn, EnrolHandler enrol, Passwords passwords)
{
    /// <summary>Sets a new password, which ends every session of the account (this one too).</summary>
    public async Task<(SignInOutcome Outcome, EnrolProblem? Problem)> ChangePassword(
        long accountId, string? currentPassword, string? code, string? newPassword, string? newPasswordAgain, CancellationToken cancellationToken)
    {
        var account = await accounts.FindForSignIn(accountId, cancellationToken);
        if (account is null)
            return (SignInOutcome.Failed, null);
        if (newPassword != newPasswordAgain)
            return (SignInOutcome.SignedIn, EnrolProblem.PasswordsDiffer);
        if (enrol.PasswordProblem(newPassword ?? "", account.Email) is { } problem)
            return (SignInOutcome.SignedIn, problem);
        var confirmed = await signIn.Confirm(accountId, currentPassword, code, cancellationToken);
        if (confirmed.Outcome == SignInOutcome.SignedIn)
            await accounts.ChangePassword(accountId, passwords.Hash(newPassword!), cancellationToken);
        return (confirmed.Outcome, null);
    }

    /// <summary>Ten new recovery codes in place of the old ones; null unless the password and code are right.</summary>
    public async Task<(SignInOutcome Outcome, IReadOnlyList<string>? Codes)> RenewRecoveryCodes(
        long accountId, string? currentPassword, string? code, CancellationToken cancellationToken)
    {
        var confirmed = await signIn.Confirm(accountId, currentPassword, code, cancellationToken);
        if (confirmed.Outcome != SignInOutcome.SignedIn)
            return (confirmed.Outcome, null);
        var codes = RecoveryCodes.New();
        await accounts.RenewRecoveryCodes(accountId, codes.Select(RecoveryCodes.Hash).ToList(), cancellationToken);
        return (confirmed.Outcome, codes);
    }

    public Task<int> UnusedRecoveryCodes(long accountId, CancellationToken cancellationToken) =>
        accounts.UnusedRecoveryCodes(accountId, cancellationToken);
}
