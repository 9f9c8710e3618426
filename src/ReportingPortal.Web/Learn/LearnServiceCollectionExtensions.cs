namespace ReportingPortal.Web.Learn;

public static class LearnServiceCollectionExtensions
{
    public static IServiceCollection AddLearn(this IServiceCollection services) =>
        services.AddSingleton<LearnContent>();
}
