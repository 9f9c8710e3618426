using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using ReportingPortal.Web.Reports;

namespace ReportingPortal.UnitTests.Reports;

public sealed class SameBrowserReceiptsTests
{
    private const string Reference = "RP-7K4M-9QX2";
    private readonly EphemeralDataProtectionProvider _keys = new();

    private SameBrowserReceipts Receipts(TimeSpan window) =>
        new(_keys, new HttpContextAccessor(), Options.Create(new ReceiptOptions { ResendWindow = window }));

    /// <summary>The cookie the browser got when its report was stored, as "name=value".</summary>
    private static string Remembered(SameBrowserReceipts receipts, string formKey)
    {
        var stored = new DefaultHttpContext();
        receipts.Remember(stored, formKey, Reference);
        return stored.Response.Headers.SetCookie.ToString().Split(';')[0];
    }

    private static string? ReferenceFor(SameBrowserReceipts receipts, string? cookie, string formKey)
    {
        var resent = new DefaultHttpContext();
        if (cookie is not null)
            resent.Request.Headers.Cookie = cookie;
        return receipts.ReferenceFor(resent, formKey);
    }

    [Test]
    public void TheBrowserThatStoredAReportIsRecognisedForThatFormOnly()
    {
        var receipts = Receipts(TimeSpan.FromMinutes(5));
        var formKey = ReceiptCodes.NewFormKey();
        var cookie = Remembered(receipts, formKey);

        ReferenceFor(receipts, cookie, formKey).ShouldBe(Reference);
        ReferenceFor(receipts, cookie, ReceiptCodes.NewFormKey()).ShouldBeNull();
        ReferenceFor(receipts, null, formKey).ShouldBeNull();
    }

    [Test]
    public void TheCookieHoldsNeitherTheFormKeyNorTheReferenceReadably()
    {
        var formKey = ReceiptCodes.NewFormKey();

        var cookie = Remembered(Receipts(TimeSpan.FromMinutes(5)), formKey);

        cookie.ShouldStartWith("rp-resend=");
        cookie.ShouldNotContain(formKey);
        cookie.ShouldNotContain(Reference);
    }

    [Test]
    public void AMadeUpOrAlteredCookieIsNotBelieved()
    {
        var receipts = Receipts(TimeSpan.FromMinutes(5));
        var formKey = ReceiptCodes.NewFormKey();
        var cookie = Remembered(receipts, formKey);

        ReferenceFor(receipts, "rp-resend=" + Convert.ToBase64String(ReceiptCodes.HashFormKey(formKey)) + "%20" + Reference, formKey).ShouldBeNull();
        ReferenceFor(receipts, "rp-resend=not*base64!", formKey).ShouldBeNull();
        ReferenceFor(receipts, cookie[..^4] + (cookie[^4..] == "AAAA" ? "BBBB" : "AAAA"), formKey).ShouldBeNull();
    }

    [Test]
    public async Task AfterTheWindowTheCookieIsNotBelievedEvenIfTheBrowserStillSendsIt()
    {
        var receipts = Receipts(TimeSpan.FromSeconds(1));
        var formKey = ReceiptCodes.NewFormKey();
        var cookie = Remembered(receipts, formKey);

        await Task.Delay(TimeSpan.FromSeconds(1.5));

        ReferenceFor(receipts, cookie, formKey).ShouldBeNull();
    }
}
