namespace ReportingPortal.Core.Accounts;

/// <summary>A new account as an administrator (or the add-admin command) asks for it.</summary>
public sealed record Invitation(string Email, string DisplayName, bool IsAdministrator, IReadOnlyList<QueueMembership> Queues);
