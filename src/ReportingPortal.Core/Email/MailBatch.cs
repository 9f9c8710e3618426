using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.Email;

/// <summary>The emails one delivery job sends, in the order it sends them, all of one priority.</summary>
public sealed record MailBatch(long[] DeliveryIds, Priority Priority);
