namespace ReportingPortal.Core.Email;

/// <summary>Which email a report is owed. Stored by name in mail_deliveries.kind (see <see cref="Storage.StoredNames"/>).</summary>
public enum DeliveryKind
{
    /// <summary>To the reporter, who gave an address; its address is read from the report when it is sent.</summary>
    Acknowledgement,

    /// <summary>To one address of a forwarding queue.</summary>
    Forward,
}
