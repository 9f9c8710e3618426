namespace ReportingPortal.Core.Cases;

/// <summary>How a case came into a responder queue. Stored by name in case_queues.how.</summary>
public enum QueueHow
{
    /// <summary>The routing rules chose the queue when the report arrived.</summary>
    Routed,

    /// <summary>A responder referred the case to the queue.</summary>
    Referred,

    /// <summary>The report's signals were weak: it waits in the screening queue (Screening:Queue).</summary>
    Screening,
}
