using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.Email;

/// <summary>The reports one delivery job sends the owed mail of, all of one priority.</summary>
public sealed record MailBatch(long[] ReportIds, Priority Priority);
