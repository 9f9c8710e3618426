using ReportingPortal.Web.Configuration;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace ReportingPortal.Web.Reports;

public static class ReportsServiceCollectionExtensions
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddValidatedOptions<ReceiptOptions>(ReceiptOptions.Section)
            .Validate(options => options.SecretKeyBytes().Length >= 32,
                "Receipts:SecretKey must be base64 for at least 32 random bytes (for example: openssl rand -base64 32).");
        services.AddValidatedOptions<SignalsOptions>(SignalsOptions.Section)
            .Validate(options => options.MinimumFillTime >= TimeSpan.Zero, "Signals:MinimumFillTime must not be negative.");
        services.AddSingleton<ReceiptCodes>();
        services.AddSingleton<FormTimer>();
        services.AddScoped<SubmissionScreening>();
        services.AddSingleton<IValidator<ReportForm>, ReportFormValidator>();
        services.AddScoped<SubmitReportHandler>();
        services.Configure<MvcOptions>(options => options.ModelBinderProviders.Insert(0, new ChoiceModelBinderProvider()));
        return services;
    }
}
