using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.Forwarding;
using ReportingPortal.Core.Statistics;
using ReportingPortal.Web.Accounts;

namespace ReportingPortal.Web.Cases;

/// <summary>
/// The bulk export for supervisors (their queues) and administrators (every queue): the cases of a queue received in a
/// period, as CSV or as JSON lines of forward documents, streamed a batch at a time. Each export is audited first.
/// </summary>
[Authorize(Policy = ConsoleAuthentication.AnyAccount)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ExportModel(StatisticsQuery statistics, CaseDocuments documents, IOptions<ForwardingOptions> forwarding, TimeProvider time) : PageModel
{
    /// <summary>The longest period one export covers.</summary>
    public const int MostDays = 366;

    [BindProperty(SupportsGet = true, Name = "queue")]
    public string? Queue { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    /// <summary>Set when the account supervises no queue and is no administrator.</summary>
    public bool Refused { get; private set; }

    /// <summary>Why the export asked for cannot be made, as a key of the console's wording.</summary>
    public string? Problem { get; private set; }

    public IReadOnlyList<ForwardingQueue> Queues { get; private set; } = [];

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await Choose(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        Export("csv", "text/csv; charset=utf-8", async (cases, body) =>
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            await CaseExportCsv.Write(cases, writer, cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnGetJsonlAsync(CancellationToken cancellationToken) =>
        Export("jsonl", "application/jsonl; charset=utf-8", async (cases, body) =>
        {
            await foreach (var document in cases.WithCancellation(cancellationToken))
            {
                await body.WriteAsync(document.ToUtf8(), cancellationToken);
                await body.WriteAsync("\n"u8.ToArray(), cancellationToken);
            }
        }, cancellationToken);

    private async Task<IActionResult> Export(string format, string contentType, Func<IAsyncEnumerable<ForwardDocument>, Stream, Task> write,
        CancellationToken cancellationToken)
    {
        if (!await Choose(cancellationToken))
            return Page();
        var (queue, from, to) = (Queue!, From!.Value, To!.Value);
        await documents.AuditExport(User.AccountId(), queue, from, to, format, cancellationToken);
        Response.ContentType = contentType;
        Response.Headers.ContentDisposition = $"attachment; filename=\"cases-{queue}-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.{format}\"";
        await write(documents.OfQueue(queue, from, to, cancellationToken), Response.Body);
        return new EmptyResult();
    }

    /// <summary>The queues the account may export, and whether the queue and period asked for are one of them and valid; sets 403 or 400 when not.</summary>
    private async Task<bool> Choose(CancellationToken cancellationToken)
    {
        var scope = await statistics.ScopeOf(User.AccountId(), cancellationToken);
        if (scope is null)
        {
            Refused = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return false;
        }
        Queues = forwarding.Value.Queues.Where(queue => scope.AllQueues || scope.Queues.Contains(queue.Name)).ToList();
        if (Queue is null && From is null && To is null)
            return false;
        Problem = !ModelState.IsValid || Queue is null || From is null || To is null ? "Export.Error.Missing"
            : Queues.All(queue => queue.Name != Queue) ? "Export.Error.NotYourQueue"
            : To < From || To.Value.DayNumber - From.Value.DayNumber >= MostDays ? "Export.Error.Period"
            : null;
        if (Problem is not null)
            Response.StatusCode = Problem == "Export.Error.NotYourQueue" ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
        return Problem is null;
    }
}
