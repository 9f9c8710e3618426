using ReportingPortal.Core.Configuration;
using Microsoft.Extensions.Options;
using MimeKit;
using ReportingPortal.Core.Acknowledgements;
using ReportingPortal.Core.FollowUp;

namespace ReportingPortal.Core.Email;

public static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddEmail(this IServiceCollection services)
    {
        services.AddValidatedOptions<SmtpOptions>(SmtpOptions.Section)
            .Validate(options => MailboxAddress.TryParse(options.From, out _),
                "Smtp:From must be an email address, optionally with a name: \"Name <address@example.org>\".");
        services.AddValidatedOptions<AcknowledgementOptions>(AcknowledgementOptions.Section)
            .Validate(options => !$"{options.SenderName}{options.PlainSenderName}".Any(c => c is '<' or '>' or '@' or '"' || char.IsControl(c)),
                "Acknowledgements:SenderName and PlainSenderName must be plain names, without <, >, @, quotes or line breaks.");
        services.AddValidatedOptions<DeliveryOptions>(DeliveryOptions.Section)
            .Validate(options => options.FirstRetryAfter > TimeSpan.Zero && options.MaxRetryAfter >= options.FirstRetryAfter,
                "Delivery:FirstRetryAfter must be positive and no more than Delivery:MaxRetryAfter.")
            .Validate(options => options.PollInterval > TimeSpan.Zero && options.ClaimLease > TimeSpan.Zero,
                "Delivery:PollInterval and Delivery:ClaimLease must be positive.");
        services.AddSingleton<MailSender>();
        services.AddSingleton<SentMailRecorder>();
        services.AddSingleton<MailText>();
        services.AddSingleton<AcknowledgementMessage>();
        services.AddSingleton<ReporterNoticeMessage>();
        services.AddSingleton<ReplyNoticeMessage>();
        services.AddTransient<MailDeliveryJob>();
        services.AddSingleton<MailStatusQuery>();
        return services;
    }

    /// <summary>Hands owed mail to the job server; only where this instance runs one.</summary>
    public static IServiceCollection AddMailDispatcher(this IServiceCollection services)
    {
        services.AddHostedService<MailDispatcher>();
        return services;
    }
}
