using Microsoft.Extensions.Options;
using MimeKit;
using ReportingPortal.Core.Accounts;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.Forwarding;

namespace ReportingPortal.Web.Accounts;

/// <summary>
/// What administrators do to accounts: invite (the account, its queues and a one-time link, mailed at once), change
/// queues and the administrator flag, disable and enable, send a new link (older ones stop working).
/// </summary>
public sealed class AccountsHandler(
    AccountStore accounts, InvitationMail mail, IOptions<ConsoleOptions> console, IOptions<ForwardingOptions> forwarding, TimeProvider clock)
{
    public const int LongestName = 200;

    /// <summary>The responder queues of Forwarding:Queues, in their configured order.</summary>
    public IReadOnlyList<string> QueueNames => forwarding.Value.Queues.Select(queue => queue.Name).ToList();

    public Task<IReadOnlyList<AccountSummary>> List(CancellationToken cancellationToken) => accounts.List(cancellationToken);

    public Task<AccountSummary?> Find(long accountId, CancellationToken cancellationToken) => accounts.Find(accountId, cancellationToken);

    /// <summary>Reads the form's "queue|Role" choices; null when one names a queue or role that does not exist.</summary>
    public IReadOnlyList<QueueMembership>? Memberships(IEnumerable<string?> choices)
    {
        var memberships = new List<QueueMembership>();
        foreach (var choice in choices.Where(choice => !string.IsNullOrEmpty(choice)))
        {
            var parts = choice!.Split('|');
            if (parts.Length != 2 || !QueueNames.Contains(parts[0]) || !Enum.TryParse<QueueRole>(parts[1], out var role) || !Enum.IsDefined(role)
                || memberships.Any(membership => membership.Queue == parts[0]))
                return null;
            memberships.Add(new QueueMembership(parts[0], role));
        }
        return memberships;
    }

    public async Task<(InviteOutcome Outcome, long? AccountId)> Invite(long administratorId, string? email, string? name, bool isAdministrator,
        IEnumerable<string?> choices, CancellationToken cancellationToken)
    {
        var queues = Memberships(choices);
        email = email?.Trim();
        name = name?.Trim();
        if (queues is null || !IsEmail(email) || string.IsNullOrEmpty(name) || name.Length > LongestName)
            return (InviteOutcome.Invalid, null);
        var token = EnrolmentTokens.New();
        var expiresAt = clock.GetUtcNow() + EnrolmentTokens.Lifetime;
        var accountId = await accounts.Invite(new Invitation(email!, name, isAdministrator, queues), administratorId,
            EnrolmentTokens.Hash(token), expiresAt, cancellationToken);
        if (accountId is null)
            return (InviteOutcome.EmailTaken, null);
        return (await Mail(email!, token, expiresAt, cancellationToken), accountId);
    }

    /// <summary>A new one-time link for the account, mailed at once; the links sent before it stop working.</summary>
    public async Task<InviteOutcome> SendNewLink(long administratorId, long accountId, CancellationToken cancellationToken)
    {
        var account = await accounts.Find(accountId, cancellationToken);
        if (account is null || account.DisabledAt is not null)
            return InviteOutcome.Invalid;
        var token = EnrolmentTokens.New();
        var expiresAt = clock.GetUtcNow() + EnrolmentTokens.Lifetime;
        await accounts.NewEnrolmentLink(accountId, administratorId, EnrolmentTokens.Hash(token), expiresAt, cancellationToken);
        return await Mail(account.Email, token, expiresAt, cancellationToken);
    }

    /// <summary>Sets the administrator flag and queues; an administrator cannot take the flag from themselves.</summary>
    public async Task<bool> Change(long administratorId, long accountId, bool isAdministrator, IEnumerable<string?> choices, CancellationToken cancellationToken)
    {
        var queues = Memberships(choices);
        if (queues is null || (accountId == administratorId && !isAdministrator) || await accounts.Find(accountId, cancellationToken) is null)
            return false;
        await accounts.Change(accountId, isAdministrator, queues, administratorId, cancellationToken);
        return true;
    }

    /// <summary>Disables (ending every session) or enables the account; an administrator cannot disable themselves.</summary>
    public async Task<bool> SetDisabled(long administratorId, long accountId, bool disabled, CancellationToken cancellationToken)
    {
        if ((disabled && accountId == administratorId) || await accounts.Find(accountId, cancellationToken) is null)
            return false;
        await accounts.SetDisabled(accountId, disabled, administratorId, cancellationToken);
        return true;
    }

    private async Task<InviteOutcome> Mail(string email, string token, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        await mail.Send(email, console.Value.Link(EnrolmentTokens.PathFor(token)), expiresAt, cancellationToken)
            ? InviteOutcome.Sent : InviteOutcome.NotSent;

    private static bool IsEmail(string? email) =>
        !string.IsNullOrEmpty(email) && email.Length <= 254 && MailboxAddress.TryParse(email, out var address)
        && address.Address == email && email.Contains('@', StringComparison.Ordinal);
}
