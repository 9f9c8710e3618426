using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportingPortal.Core.Accounts;

namespace ReportingPortal.Web.Accounts;

/// <summary>One account for administrators: its queues and flag, disabling or enabling it, a new invitation.</summary>
[Authorize(Policy = ConsoleAuthentication.Administrators)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AccountEditModel(AccountsHandler handler) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    [BindProperty]
    public bool IsAdministrator { get; set; }

    [BindProperty]
    public List<string?> Memberships { get; set; } = [];

    public AccountSummary? Account { get; private set; }

    public IReadOnlyList<string> Queues => handler.QueueNames;

    public string? MessageKey { get; private set; }

    public bool Failed { get; private set; }

    public bool IsSelf => Id == User.AccountId();

    public QueueChoices Choices => new(Queues, Account?.Queues ?? [], "edit");

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => Show(cancellationToken);

    public async Task<IActionResult> OnPostChangeAsync(CancellationToken cancellationToken) =>
        await Show(cancellationToken, await handler.Change(User.AccountId(), Id, IsAdministrator, Memberships, cancellationToken)
            ? ("Accounts.Changed", false) : ("Accounts.NotChanged", true));

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken) =>
        await Show(cancellationToken, await handler.SetDisabled(User.AccountId(), Id, disabled: true, cancellationToken)
            ? ("Accounts.DisabledNow", false) : ("Accounts.NotChanged", true));

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken) =>
        await Show(cancellationToken, await handler.SetDisabled(User.AccountId(), Id, disabled: false, cancellationToken)
            ? ("Accounts.EnabledNow", false) : ("Accounts.NotChanged", true));

    public async Task<IActionResult> OnPostNewLinkAsync(CancellationToken cancellationToken) =>
        await Show(cancellationToken, await handler.SendNewLink(User.AccountId(), Id, cancellationToken) switch
        {
            InviteOutcome.Sent => ("Accounts.LinkSentNow", false),
            InviteOutcome.NotSent => ("Accounts.NotSent", true),
            _ => ("Accounts.NotChanged", true),
        });

    private async Task<IActionResult> Show(CancellationToken cancellationToken, (string Key, bool Failed)? message = null)
    {
        Account = await handler.Find(Id, cancellationToken);
        if (Account is null)
            return NotFound();
        MessageKey = message?.Key;
        Failed = message?.Failed ?? false;
        if (Failed)
            Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
