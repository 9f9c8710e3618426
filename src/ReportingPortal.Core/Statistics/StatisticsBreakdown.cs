namespace ReportingPortal.Core.Statistics;

/// <summary>What reports are counted by. Each reads only a column that stays in clear after retention.</summary>
public enum StatisticsBreakdown
{
    Category,
    Priority,
    Country,
    Queue,
    ReporterRole,
    Outcome,
}
