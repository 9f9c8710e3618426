namespace ReportingPortal.Core.Reports;

/// <summary>The report a form was stored as.</summary>
/// <param name="AlreadyReceived">The form had been sent before: nothing new was stored, and this is the earlier report.</param>
public sealed record SubmittedReport(string Reference, bool AlreadyReceived);
