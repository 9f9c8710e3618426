using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportingPortal.Core.Audit;
using ReportingPortal.Web.Accounts;

namespace ReportingPortal.Web.Audit;

/// <summary>The audit log for administrators: filtered with a GET form, newest first, a page at a time, and exported as CSV.</summary>
[Authorize(Policy = ConsoleAuthentication.Administrators)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class LogModel(AuditQuery query, AuditLog audit) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "action")]
    public AuditAction? Action { get; set; }

    [BindProperty(SupportsGet = true, Name = "account")]
    public long? Account { get; set; }

    [BindProperty(SupportsGet = true, Name = "reference")]
    [StringLength(40)]
    public string? Reference { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    // Not "page": Razor Pages keeps that route value for the page's own path.
    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    [Range(1, 1_000_000)]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];

    public bool HasOlder { get; private set; }

    public IReadOnlyList<AuditAccount> Accounts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Accounts = await query.Accounts(cancellationToken);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        (Rows, HasOlder) = await query.Page(Filter(), PageNumber, PageSize, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return await OnGetAsync(cancellationToken);
        var filter = Filter();
        var reportId = filter.Reference is null ? null : await query.ReportId(filter.Reference, cancellationToken);
        await audit.Write(new AuditEntry(AuditAction.AuditExported, User.AccountId(), reportId, filter.AccountId, filter.Describe()), cancellationToken);

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"audit-log-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await AuditCsv.Write(query.All(filter, cancellationToken), writer, cancellationToken);
        return new EmptyResult();
    }

    private AuditFilter Filter() => new(Action, Account, string.IsNullOrWhiteSpace(Reference) ? null : Reference.Trim().ToUpperInvariant(), From, To);

    /// <summary>This page with the same filters, at <paramref name="pageNumber"/>.</summary>
    public string Link(int pageNumber)
    {
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["action"] = Action?.ToString(),
            ["account"] = Account?.ToString(CultureInfo.InvariantCulture),
            ["reference"] = Reference,
            ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["pageNumber"] = pageNumber.ToString(CultureInfo.InvariantCulture),
        }.Where(pair => !string.IsNullOrEmpty(pair.Value)));
        return Routes.ConsoleAudit + query;
    }
}
