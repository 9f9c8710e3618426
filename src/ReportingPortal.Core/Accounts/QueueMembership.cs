namespace ReportingPortal.Core.Accounts;

/// <summary>One responder queue an account works in, and its role there.</summary>
public sealed record QueueMembership(string Queue, QueueRole Role);
