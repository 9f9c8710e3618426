namespace ReportingPortal.Core.Statistics;

/// <summary>Whose reports statistics count: every queue's (administrators) or those of the queues an account supervises.</summary>
public sealed record StatisticsScope(bool AllQueues, IReadOnlyList<string> Queues)
{
    public static StatisticsScope Everything { get; } = new(true, []);

    public static StatisticsScope Of(IReadOnlyList<string> queues) => new(false, queues);
}
