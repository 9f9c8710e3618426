namespace ReportingPortal.Core.Email;

/// <summary>Which email a report is owed. Stored by name in mail_deliveries.kind (see <see cref="Storage.StoredNames"/>).</summary>
public enum DeliveryKind
{
    /// <summary>To the reporter, who gave an address; its address is read from the report when it is sent.</summary>
    Acknowledgement,

    /// <summary>To one address of a forwarding queue.</summary>
    Forward,

    /// <summary>To one address of a queue a responder referred the case to; its topic is the referral's id.</summary>
    Referral,

    /// <summary>A deadline reminder to a case's owner or, while nobody owns it, its queues; its topic names the deadline and stage.</summary>
    Reminder,

    /// <summary>To the reporter, who gave an address: a responder wrote them a message. It never holds the message or the
    /// access code; its address is read from the report when it is sent; its topic is the message's id.</summary>
    ReporterNotice,

    /// <summary>To a case's owner or, while nobody owns it, every address of its queues: the reporter answered. It never
    /// holds what they wrote; its topic is the message's id.</summary>
    ReplyNotice,

    /// <summary>To every address of the screening queue: how many reports wait for screening, their references and
    /// priorities, never what they say; its topic is the digest's id, its report the first one it lists.</summary>
    ScreeningDigest,
}
