using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportingPortal.Core.Signposting;
using ReportingPortal.Web.Errors;

namespace ReportingPortal.Web.Reports;

/// <summary>
/// Shows a report's reference and access code once, right after it was sent; only the reference when the form had
/// been sent before from elsewhere. When the database cannot be reached it says so and keeps the receipt for a reload.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ReceiptModel(ReceiptQuery receipts, ReceiptCodes codes, HelpDirectory help, ILogger<ReceiptModel> logger)
    : PageModel
{
    public string? Reference { get; private set; }

    /// <summary>Null when the report was already received before this form was sent again: the code is shown once.</summary>
    public string? AccessCode { get; private set; }

    /// <summary>The receipt is waiting but cannot be shown for now; the report may well be stored.</summary>
    public bool Unavailable { get; private set; }

    /// <summary>Help for the report's country when the reporter gave one, otherwise the default.</summary>
    public Core.Signposting.Help Help { get; private set; } = help.For();

    /// <summary>Whether the reporter said they are a child, for the simpler wording.</summary>
    public bool ForAChild { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (ReceiptHandOver.Peek(TempData) is not { } handOver)
            return;
        ForAChild = handOver.ForAChild;
        try
        {
            Help = help.For(await receipts.CountryOf(handOver.FormKey, cancellationToken));
        }
        catch (Exception exception) when (DatabaseUnavailable.Is(exception))
        {
            logger.LogWarning("A receipt could not be shown: the database cannot be reached ({Failure})", exception.GetType().Name);
            Unavailable = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "30";
            if (HttpContext.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
                statusCodePages.Enabled = false; // this page says it itself, in the receipt's words
            return;
        }
        ReceiptHandOver.Shown(TempData);
        Reference = handOver.Reference;
        AccessCode = handOver.ShowAccessCode ? codes.AccessCodeFor(handOver.FormKey) : null;
    }
}
