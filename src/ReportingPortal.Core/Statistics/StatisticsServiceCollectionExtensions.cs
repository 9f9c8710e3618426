namespace ReportingPortal.Core.Statistics;

public static class StatisticsServiceCollectionExtensions
{
    public static IServiceCollection AddStatistics(this IServiceCollection services)
    {
        services.AddSingleton<StatisticsQuery>();
        services.AddSingleton<PublicStatistics>();
        return services;
    }
}
