using Microsoft.AspNetCore.Mvc;

namespace ReportingPortal.Web.Reports;

public static class ReportFormServiceCollectionExtensions
{
    /// <summary>What the report form needs beside the core: the fill timer, the anti-abuse screening and the same-browser resend window.</summary>
    public static IServiceCollection AddReportForm(this IServiceCollection services)
    {
        services.AddSingleton<FormTimer>();
        services.AddScoped<SubmissionScreening>();
        services.AddSingleton<SameBrowserReceipts>();
        services.Configure<MvcOptions>(options => options.ModelBinderProviders.Insert(0, new ChoiceModelBinderProvider()));
        return services;
    }
}
