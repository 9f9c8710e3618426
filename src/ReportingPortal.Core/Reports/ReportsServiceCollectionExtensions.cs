using ReportingPortal.Core.Configuration;
using FluentValidation;

namespace ReportingPortal.Core.Reports;

public static class ReportsServiceCollectionExtensions
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddValidatedOptions<ReceiptOptions>(ReceiptOptions.Section)
            .Validate(options => Base64Keys.IsValid(options.SecretKey), Base64Keys.Requirement("Receipts:SecretKey"));
        services.AddValidatedOptions<SignalsOptions>(SignalsOptions.Section)
            .Validate(options => options.MinimumFillTime >= TimeSpan.Zero, "Signals:MinimumFillTime must not be negative.");
        services.AddSingleton<ReceiptCodes>();
        services.AddSingleton<IValidator<ReportForm>, ReportFormValidator>();
        services.AddScoped<SubmitReportHandler>();
        return services;
    }
}
