using ReportingPortal.Core.Accounts;
using ReportingPortal.Core.Audit;

namespace ReportingPortal.Web.Accounts;

/// <summary>
/// Checks an email, a password and a code (a TOTP code or a recovery code). Failures count per account and block it
/// for a while (see <see cref="SignInThrottle"/>); blocked and failed answers are slowed; an unknown email is answered
/// exactly as a wrong password.
/// </summary>
public sealed class SignInHandler(
    AccountStore accounts, Passwords passwords, TotpSecrets secrets, UnknownEmails unknownEmails, AuditLog audit, TimeProvider clock)
{
    /// <summary>How much a failed or blocked answer is slowed.</summary>
    public static readonly TimeSpan Slowdown = TimeSpan.FromSeconds(1);

    public async Task<SignInResult> SignIn(string? email, string? password, string? code, CancellationToken cancellationToken)
    {
        var account = string.IsNullOrWhiteSpace(email) ? null : await accounts.FindForSignIn(email, cancellationToken);
        return await Check(account, email ?? "", password, code, cancellationToken);
    }

    /// <summary>The signed-in account proves it is still its owner (password and code) before a change.</summary>
    public async Task<SignInResult> Confirm(long accountId, string? password, string? code, CancellationToken cancellationToken)
    {
        var account = await accounts.FindForSignIn(accountId, cancellationToken);
        return await Check(account, account?.Email ?? "", password, code, cancellationToken);
    }

    private async Task<SignInResult> Check(AccountForSignIn? account, string email, string? password, string? code, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (account?.IsBlockedAt(now) == true || (account is null && unknownEmails.IsBlocked(email)))
            return await Slowed(SignInOutcome.Blocked, cancellationToken);

        var passwordMatches = passwords.Verify(account?.PasswordHash, password);
        if (account is { CanSignIn: true } && passwordMatches && await CodeMatches(account, code, now, cancellationToken))
        {
            await accounts.RecordSignIn(account.Id, cancellationToken);
            return new SignInResult(SignInOutcome.SignedIn,
                ConsoleAuthentication.Principal(account.Id, account.DisplayName, account.IsAdministrator));
        }

        if (account is null)
        {
            unknownEmails.RecordFailure(email);
            await audit.Write(new AuditEntry(AuditAction.SignInFailed, null), cancellationToken);
        }
        else
            await accounts.RecordFailure(account.Id, now, cancellationToken);
        return await Slowed(SignInOutcome.Failed, cancellationToken);
    }

    private async Task<bool> CodeMatches(AccountForSignIn account, string? code, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
            return false;
        if (!TotpCodes.LooksLikeACode(code))
            return await accounts.UseRecoveryCode(account.Id, RecoveryCodes.Hash(code), cancellationToken);
        var step = TotpCodes.Verify(secrets.Unprotect(account.TotpSecret!), code, now, account.TotpLastStep);
        return step is not null && await accounts.UseTotpStep(account.Id, step.Value, cancellationToken);
    }

    private async Task<SignInResult> Slowed(SignInOutcome outcome, CancellationToken cancellationToken)
    {
        await Task.Delay(Slowdown, clock, cancellationToken);
        return new SignInResult(outcome);
    }
}
