using ReportingPortal.Core.Configuration;
using FluentValidation;

namespace ReportingPortal.Core.Reports;

public static class ReportsServiceCollectionExtensions
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddValidatedOptions<ReceiptOptions>(ReceiptOptions.Section)
            .Validate(options => Base64Keys.IsValid(options.SecretKey), Base64Keys.Requirement("Receipts:SecretKey"))
            .Validate(options => options.ResendWindow > TimeSpan.Zero && options.ResendWindow <= TimeSpan.FromHours(1),
                "Receipts:ResendWindow must be more than zero and at most an hour (for example 00:05:00).");
        services.AddValidatedOptions<SignalsOptions>(SignalsOptions.Section)
            .Validate(options => options.MinimumFillTime >= TimeSpan.Zero, "Signals:MinimumFillTime must not be negative.");
        services.AddSingleton<ReceiptCodes>();
        services.AddSingleton<IValidator<ReportForm>, ReportFormValidator>();
        services.AddScoped<SubmitReportHandler>();
        services.AddScoped<ReceiptQuery>();
        return services;
    }
}
