using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.Email;

/// <summary>Hangfire queues by priority.</summary>
public static class JobQueues
{
    // Hangfire.PostgreSql takes waiting jobs in alphabetical order of queue name, so the names sort by priority.
    public const string Urgent = "p1_urgent";
    public const string High = "p2_high";
    public const string Normal = "p3_normal";

    public static readonly string[] All = [Urgent, High, Normal];

    public static string For(Priority priority) => priority switch
    {
        Priority.Urgent => Urgent,
        Priority.High => High,
        _ => Normal,
    };
}
