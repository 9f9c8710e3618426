using Dapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Npgsql;
using ReportingPortal.Web.Signposting;

namespace ReportingPortal.Web.Reports;

/// <summary>Shows a report's reference and access code once, right after it was sent.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ReceiptModel(NpgsqlDataSource database, ReceiptCodes codes, IOptions<SignpostingOptions> signposting)
    : PageModel
{
    // TempData travels in an encrypted cookie that is deleted once read, so the code never appears in a URL.
    public const string FormKeyTempDataKey = "ReceiptFormKey";

    public string? Reference { get; private set; }
    public string? AccessCode { get; private set; }
    public SignpostingOptions Signposting { get; } = signposting.Value;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (TempData[FormKeyTempDataKey] is not string formKey || !ReceiptCodes.IsFormKey(formKey))
            return;

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        Reference = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "select reference from reports where form_key_hash = @FormKeyHash",
            new { FormKeyHash = ReceiptCodes.HashFormKey(formKey) }, cancellationToken: cancellationToken));
        if (Reference is not null)
            AccessCode = codes.AccessCodeFor(formKey);
    }
}
