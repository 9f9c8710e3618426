using ReportingPortal.Core.Audit;
using ReportingPortal.Core.Email;

namespace ReportingPortal.Core.Cases;

/// <summary>Everything the case page shows: the whole report and its signals, the case, and what happened to it.</summary>
public sealed class CaseView
{
    public required ReportForMail Report { get; init; }
    public required State Case { get; init; }

    /// <summary>Whether the viewer supervises one of the case's queues, and so may reassign it.</summary>
    public required bool IsSupervisor { get; init; }

    public required IReadOnlyList<Queue> Queues { get; init; }
    public required IReadOnlyList<Note> Notes { get; init; }

    /// <summary>The messages between responders and the reporter, both ways, in the order they were written.</summary>
    public required IReadOnlyList<Message> Messages { get; init; }
    public required IReadOnlyList<Referral> Referrals { get; init; }
    public required IReadOnlyList<Mail> MailSent { get; init; }
    public required IReadOnlyList<HistoryLine> History { get; init; }

    /// <summary>The enrolled accounts of the case's queues: who it can be reassigned to.</summary>
    public required IReadOnlyList<Responder> Responders { get; init; }

    /// <summary>The other reports that name one of this report's links within the linking window.</summary>
    public LinkedCases Linked { get; init; } = new([], 0);

    public sealed record State(CaseStatus Status, string? Outcome, long? OwnerAccountId, string? OwnerName,
        DateTime FirstActionDue, DateTime FeedbackDue, DateTime? FirstActionAt, DateTime? ClosedAt, bool OutcomeShared);

    public sealed record Queue(string Name, QueueHow How, DateTime AddedAt);

    public sealed record Note(string Author, string Body, DateTime CreatedAt);

    /// <summary>A message to or from the reporter. A class, not a positional record: Dapper maps a text[] column to a property only.</summary>
    public sealed class Message
    {
        public long Id { get; init; }
        public MessageDirection Direction { get; init; }

        /// <summary>The responder who wrote it; null for the reporter's.</summary>
        public string? Author { get; init; }

        public string Body { get; init; } = "";

        /// <summary>The links the reporter gave, shown as text and never as links.</summary>
        public string[] Urls { get; init; } = [];

        public DateTime CreatedAt { get; init; }

        /// <summary>For a message to the reporter: when the reporter first read it.</summary>
        public DateTime? ReadAt { get; init; }
    }

    public sealed record Referral(string Queue, string? FromQueue, string Reason, string ReferredBy, DateTime ReferredAt);

    /// <summary>An email sent for the case: its kind, queue and fate, never an address.</summary>
    public sealed record Mail(DeliveryKind Kind, string? Queue, DeliveryStatus Status, int Attempts, DateTime CreatedAt,
        DateTime? SentAt, DateTime? FailedAt);

    public sealed record HistoryLine(DateTime At, AuditAction Action, string? Actor, string? Subject, string? Detail);

    public sealed record Responder(long Id, string DisplayName);

    /// <summary>The most recent linked reports, newest first, and how many there are in all.</summary>
    public sealed record LinkedCases(IReadOnlyList<LinkedCase> Latest, int Count);

    /// <summary>A linked report; its status is null when the viewer may not open its case.</summary>
    public sealed record LinkedCase(string Reference, DateTime ReceivedAt, CaseStatus? Status);
}
