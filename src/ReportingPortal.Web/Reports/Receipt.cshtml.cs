using Dapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using ReportingPortal.Core.Signposting;

namespace ReportingPortal.Web.Reports;

/// <summary>Shows a report's reference and access code once, right after it was sent.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ReceiptModel(NpgsqlDataSource database, ReceiptCodes codes, HelpDirectory help)
    : PageModel
{
    // TempData travels in an encrypted cookie that is deleted once read, so the code never appears in a URL.
    public const string FormKeyTempDataKey = "ReceiptFormKey";
    public const string ForAChildTempDataKey = "ReceiptForAChild";

    public string? Reference { get; private set; }
    public string? AccessCode { get; private set; }
    /// <summary>Help for the report's country when the reporter gave one, otherwise the default.</summary>
    public Core.Signposting.Help Help { get; private set; } = help.For();

    /// <summary>Whether the reporter said they are a child, for the simpler wording.</summary>
    public bool ForAChild { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ForAChild = TempData[ForAChildTempDataKey] is true;
        if (TempData[FormKeyTempDataKey] is not string formKey || !ReceiptCodes.IsFormKey(formKey))
            return;

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var report = await connection.QuerySingleOrDefaultAsync<(string Reference, string? Country)?>(new CommandDefinition(
            "select reference, country from reports where form_key_hash = @FormKeyHash",
            new { FormKeyHash = ReceiptCodes.HashFormKey(formKey) }, cancellationToken: cancellationToken));
        if (report is not { } found)
            return;
        Reference = found.Reference;
        AccessCode = codes.AccessCodeFor(formKey);
        Help = help.For(found.Country);
    }
}
