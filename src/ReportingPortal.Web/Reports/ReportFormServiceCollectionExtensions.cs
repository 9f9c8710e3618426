using Microsoft.AspNetCore.Mvc;

namespace ReportingPortal.Web.Reports;

public static class ReportFormServiceCollectionExtensions
{
    /// <summary>What the report form needs beside the core: the fill timer and the anti-abuse screening.</summary>
    public static IServiceCollection AddReportForm(this IServiceCollection services)
    {
        services.AddSingleton<FormTimer>();
        services.AddScoped<SubmissionScreening>();
        services.Configure<MvcOptions>(options => options.ModelBinderProviders.Insert(0, new ChoiceModelBinderProvider()));
        return services;
    }
}
