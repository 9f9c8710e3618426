namespace ReportingPortal.Core.Reports;

/// <summary>
/// How fast a report's mail must go out. Stored by name; its number is its rank, stored beside it in
/// mail_deliveries.priority_rank so that mail is taken in order of rank: urgent mail is sent before everything else.
/// </summary>
public enum Priority : short
{
    Urgent = 0,
    High = 1,
    Normal = 2,
}
