using Microsoft.AspNetCore.DataProtection;

namespace ReportingPortal.Web.Accounts;

/// <summary>TOTP keys as accounts.totp_secret keeps them: protected with Data Protection, whose keys live outside that column.</summary>
public sealed class TotpSecrets(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("ReportingPortal.Accounts.TotpSecret");

    public byte[] Protect(byte[] secret) => _protector.Protect(secret);

    public byte[] Unprotect(byte[] stored) => _protector.Unprotect(stored);
}
