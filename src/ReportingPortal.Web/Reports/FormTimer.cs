using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ReportingPortal.Web.Reports;

/// <summary>
/// Carries the time a form was opened in the form itself, encrypted and signed with Data Protection so it cannot
/// be forged; the server keeps nothing.
/// </summary>
public sealed class FormTimer(IDataProtectionProvider dataProtection, TimeProvider clock)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("ReportingPortal.Reports.FormOpenedAt");

    public string Start() =>
        _protector.Protect(clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    /// <summary>Whole seconds since the form was opened; null when the stamp is missing, forged or from the future.</summary>
    public int? SecondsSince(string? stamp)
    {
        if (string.IsNullOrEmpty(stamp) || stamp.Length > 1000)
            return null;
        try
        {
            var openedAt = long.Parse(_protector.Unprotect(stamp), NumberStyles.None, CultureInfo.InvariantCulture);
            var seconds = (clock.GetUtcNow().ToUnixTimeMilliseconds() - openedAt) / 1000;
            return seconds is >= 0 and <= int.MaxValue ? (int)seconds : null;
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or OverflowException)
        {
            return null;
        }
    }
}
