using ReportingPortal.Core.Accounts;

namespace ReportingPortal.Web.Accounts;

/// <summary>The queue and role choices of an account form: every configured queue, the current memberships, ids unique on the page.</summary>
public sealed record QueueChoices(IReadOnlyList<string> Queues, IReadOnlyList<QueueMembership> Current, string IdPrefix);
