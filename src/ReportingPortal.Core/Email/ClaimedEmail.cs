using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.Email;

/// <summary>An email the dispatcher claimed: its mail_deliveries id, its priority and whether it goes to the reporter.</summary>
public sealed record ClaimedEmail(long DeliveryId, Priority Priority, bool ToReporter);
