using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.Forwarding;
using ReportingPortal.Web.Accounts;

namespace ReportingPortal.Web.Cases;

/// <summary>The cases of the signed-in account's queues, urgent and overdue first, with filters and their counts.</summary>
[Authorize(Policy = ConsoleAuthentication.AnyAccount)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class InboxModel(InboxQuery query, IOptions<ForwardingOptions> forwarding) : PageModel
{
    /// <summary>Far beyond any inbox, and small enough that the offset never overflows.</summary>
    private const int LastPage = 100_000;

    [BindProperty(SupportsGet = true)] public CaseStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Core.Reports.Priority? Priority { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public bool DueSoon { get; set; }
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }
    [BindProperty(SupportsGet = true)] public bool Unassigned { get; set; }
    [BindProperty(SupportsGet = true)] public string? Queue { get; set; }
    // Not "page": that is the route value naming the Razor page.
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public Inbox? Inbox { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || PageNumber is < 1 or > LastPage || Queue is { Length: > 200 })
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Inbox = await query.Read(User.AccountId(), Filter(PageNumber), cancellationToken);
        return Page();
    }

    public string QueueName(string name) => forwarding.Value.DisplayNameOf(name);

    public InboxFilter Filter(int page) =>
        new(Status, Priority, Overdue, DueSoon, Mine, Unassigned, string.IsNullOrEmpty(Queue) ? null : Queue, page);

    /// <summary>This inbox's address with the same filters, on another page.</summary>
    public string PageLink(int page) => Routes.Console + QueryString.Create(new Dictionary<string, string?>
    {
        ["status"] = Status?.ToString(),
        ["priority"] = Priority?.ToString(),
        ["overdue"] = Overdue ? "true" : null,
        ["dueSoon"] = DueSoon ? "true" : null,
        ["mine"] = Mine ? "true" : null,
        ["unassigned"] = Unassigned ? "true" : null,
        ["queue"] = string.IsNullOrEmpty(Queue) ? null : Queue,
        ["pageNumber"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(pair => pair.Value is not null));
}
