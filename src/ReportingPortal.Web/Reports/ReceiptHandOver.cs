using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ReportingPortal.Web.Reports;

/// <summary>
/// What the report form hands to the receipt page. It travels in TempData, an encrypted cookie, so the code never
/// appears in a URL; the receipt page only peeks at it and lets it go once the receipt was shown, so a reload after a
/// failure still shows it.
/// </summary>
/// <param name="ShowAccessCode">False when the form had been sent before from elsewhere or too long ago: the receipt
/// then says only that the report was received.</param>
public sealed record ReceiptHandOver(string FormKey, string Reference, bool ShowAccessCode, bool ForAChild)
{
    private const string FormKeyKey = "ReceiptFormKey";
    private const string ReferenceKey = "ReceiptReference";
    private const string ShowAccessCodeKey = "ReceiptShowsAccessCode";
    private const string ForAChildKey = "ReceiptForAChild";

    public void Give(ITempDataDictionary tempData)
    {
        tempData[FormKeyKey] = FormKey;
        tempData[ReferenceKey] = Reference;
        tempData[ShowAccessCodeKey] = ShowAccessCode;
        tempData[ForAChildKey] = ForAChild;
    }

    /// <summary>The hand-over waiting for this browser, left in place; null when there is none.</summary>
    public static ReceiptHandOver? Peek(ITempDataDictionary tempData) =>
        tempData.Peek(FormKeyKey) is string formKey && ReceiptCodes.IsFormKey(formKey)
        && tempData.Peek(ReferenceKey) is string reference
            ? new ReceiptHandOver(formKey, reference, tempData.Peek(ShowAccessCodeKey) is true, tempData.Peek(ForAChildKey) is true)
            : null;

    /// <summary>The receipt was shown: the hand-over is deleted, so the access code is not shown again.</summary>
    public static void Shown(ITempDataDictionary tempData)
    {
        foreach (var key in new[] { FormKeyKey, ReferenceKey, ShowAccessCodeKey, ForAChildKey })
            tempData.Remove(key);
    }
}
