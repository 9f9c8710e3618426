namespace ReportingPortal.Core.Accounts;

/// <summary>What an account may do in one responder queue. Stored by name in account_queues.role.</summary>
public enum QueueRole
{
    /// <summary>Sees the queue's cases, takes them, works on them.</summary>
    Responder,

    /// <summary>A responder who can also reassign the queue's cases, for example those of someone away.</summary>
    Supervisor,
}
