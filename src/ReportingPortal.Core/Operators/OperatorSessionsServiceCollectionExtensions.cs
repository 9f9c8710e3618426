namespace ReportingPortal.Core.Operators;

public static class OperatorSessionsServiceCollectionExtensions
{
    public static IServiceCollection AddOperatorSessions(this IServiceCollection services)
    {
        services.AddSingleton<OperatorSessions>();
        return services;
    }
}
