using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using ReportingPortal.Web.Security;

namespace ReportingPortal.Web.Reports;

/// <summary>
/// Remembers in the browser that stored a report, for <see cref="ReceiptOptions.ResendWindow"/>, which form it sent, so
/// the same form sent again from that browser (Back and Send) shows its receipt, access code included, once more.
/// The cookie holds the form key's hash and the reference, protected by Data Protection with an expiry: it cannot be
/// made, read or used past the window, and anyone else who sends the form key is told only that it was received.
/// </summary>
public sealed class SameBrowserReceipts
{
    private readonly ITimeLimitedDataProtector _protector;
    private readonly PortalCookie _cookie;
    private readonly TimeSpan _window;

    public SameBrowserReceipts(IDataProtectionProvider protection, IHttpContextAccessor requests, IOptions<ReceiptOptions> options)
    {
        _protector = protection.CreateProtector("ReportingPortal.Reports.SameBrowserReceipts").ToTimeLimitedDataProtector();
        _window = options.Value.ResendWindow;
        _cookie = new PortalCookie(SecurityServiceCollectionExtensions.ResendCookie, requests) { MaxAge = _window };
    }

    public void Remember(HttpContext context, string formKey, string reference) =>
        context.Response.Cookies.Append(_cookie.Name!,
            _protector.Protect($"{Convert.ToBase64String(ReceiptCodes.HashFormKey(formKey))} {reference}", _window),
            _cookie.Build(context));

    /// <summary>The reference of the report this browser stored with this form within the window; otherwise null.</summary>
    public string? ReferenceFor(HttpContext context, string formKey)
    {
        if (context.Request.Cookies[_cookie.Name!] is not { Length: > 0 } cookie)
            return null;
        try
        {
            var remembered = _protector.Unprotect(cookie).Split(' ');
            return remembered.Length == 2
                   && CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(remembered[0]), ReceiptCodes.HashFormKey(formKey))
                ? remembered[1]
                : null;
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            return null; // expired, tampered with, or from keys no longer held
        }
    }
}
