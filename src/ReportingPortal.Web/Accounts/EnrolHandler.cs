using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using ReportingPortal.Core.Accounts;

namespace ReportingPortal.Web.Accounts;

/// <summary>
/// Enrolment from a one-time link: the page is shown with a new TOTP key, carried between the two requests in a
/// protected, time-limited form field bound to the link; the post sets the password, checks a code of that key and
/// stores both with ten new recovery codes, using up the link.
/// </summary>
public sealed class EnrolHandler(
    AccountStore accounts, PasswordPolicy policy, Passwords passwords, TotpSecrets secrets, IDataProtectionProvider protection, TimeProvider clock)
{
    private static readonly TimeSpan KeyKeptFor = TimeSpan.FromHours(2);
    private readonly ITimeLimitedDataProtector _pending =
        protection.CreateProtector("ReportingPortal.Accounts.PendingTotpKey").ToTimeLimitedDataProtector();

    public Task<EnrolmentAccount?> Open(string? token, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(token) ? Task.FromResult<EnrolmentAccount?>(null)
            : accounts.FindEnrolment(EnrolmentTokens.Hash(token), clock.GetUtcNow(), cancellationToken);

    /// <summary>A new TOTP key and the form field that carries it to the post.</summary>
    public (byte[] Secret, string Pending) NewKey(string token)
    {
        var secret = TotpCodes.NewSecret();
        return (secret, _pending.Protect(Convert.ToBase64String([.. EnrolmentTokens.Hash(token), .. secret]), clock.GetUtcNow() + KeyKeptFor));
    }

    /// <summary>The key the page showed for this link, or null when the field was altered, is too old or is for another link.</summary>
    public byte[]? PendingKey(string token, string? pending)
    {
        try
        {
            var bytes = Convert.FromBase64String(_pending.Unprotect(pending ?? ""));
            var tokenHash = EnrolmentTokens.Hash(token);
            return bytes.Length > tokenHash.Length && CryptographicOperations.FixedTimeEquals(bytes.AsSpan(0, tokenHash.Length), tokenHash)
                ? bytes[tokenHash.Length..] : null;
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Enrols the link's account; returns the recovery codes to show once, or what is wrong.</summary>
    public async Task<(IReadOnlyList<string>? RecoveryCodes, EnrolProblem? Problem)> Enrol(
        string token, EnrolmentAccount account, byte[] secret, string? password, string? passwordAgain, string? code, CancellationToken cancellationToken)
    {
        if (password != passwordAgain)
            return (null, EnrolProblem.PasswordsDiffer);
        if (PasswordProblem(password ?? "", account.Email) is { } problem)
            return (null, problem);
        var now = clock.GetUtcNow();
        if (TotpCodes.Verify(secret, code, now, lastStep: null) is not { } step)
            return (null, EnrolProblem.CodeWrong);
        var codes = RecoveryCodes.New();
        var enrolment = new Enrolment(passwords.Hash(password!), secrets.Protect(secret), step, codes.Select(RecoveryCodes.Hash).ToList());
        return await accounts.Enrol(EnrolmentTokens.Hash(token), enrolment, now, cancellationToken)
            ? (codes, null) : (null, EnrolProblem.LinkInvalid);
    }

    public EnrolProblem? PasswordProblem(string password, string email) => policy.Check(password, email) switch
    {
        Core.Accounts.PasswordProblem.TooShort => EnrolProblem.PasswordTooShort,
        Core.Accounts.PasswordProblem.Common => EnrolProblem.PasswordCommon,
        Core.Accounts.PasswordProblem.SameAsEmail => EnrolProblem.PasswordSameAsEmail,
        _ => null,
    };
}
