using FluentValidation;
using Microsoft.Extensions.Localization;
using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.FollowUp;

/// <summary>A reply says something, in text or links, within the report form's limits and with its messages.</summary>
public sealed class ReporterReplyValidator : AbstractValidator<ReporterReply>
{
    public ReporterReplyValidator(IStringLocalizer<SharedResource> text)
    {
        string Say(ReporterReply reply, string key, params object[] arguments) => Wording.For(text, reply.FromAChild, key, arguments);

        RuleFor(reply => reply.Message)
            .MaximumLength(ReportForm.MaxDescriptionLength)
            .WithMessage(reply => Say(reply, "Validation.TooLong", ReportForm.MaxDescriptionLength))
            .Must((reply, message) => !string.IsNullOrEmpty(message) || reply.UrlList().Count > 0)
            .WithMessage(reply => Say(reply, "FollowUp.Reply.Empty"));
        RuleFor(reply => reply.Urls).AreLinks(Say);
    }
}
