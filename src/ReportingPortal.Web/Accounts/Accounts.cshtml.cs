using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportingPortal.Core.Accounts;

namespace ReportingPortal.Web.Accounts;

/// <summary>Administrators' list of accounts, with their queues and roles, and the invitation form.</summary>
[Authorize(Policy = ConsoleAuthentication.Administrators)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AccountsModel(AccountsHandler handler) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public bool IsAdministrator { get; set; }

    [BindProperty]
    public List<string?> Memberships { get; set; } = [];

    public IReadOnlyList<AccountSummary> Accounts { get; private set; } = [];

    public IReadOnlyList<string> Queues => handler.QueueNames;

    public QueueChoices Choices => new(Queues, handler.Memberships(Memberships) ?? [], "invite");

    public InviteOutcome? Outcome { get; private set; }

    public long? InvitedId { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Accounts = await handler.List(cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        (Outcome, InvitedId) = await handler.Invite(User.AccountId(), Email, Name, IsAdministrator, Memberships, cancellationToken);
        Response.StatusCode = Outcome switch
        {
            InviteOutcome.Invalid => StatusCodes.Status400BadRequest,
            InviteOutcome.EmailTaken => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status200OK,
        };
        if (Outcome is InviteOutcome.Sent or InviteOutcome.NotSent)
        {
            Email = Name = null;
            IsAdministrator = false;
            Memberships = [];
        }
        Accounts = await handler.List(cancellationToken);
        return Page();
    }
}
