using FluentValidation;
using Microsoft.Extensions.Localization;

namespace ReportingPortal.Core.Reports;

/// <summary>Checks each step's answers (a rule set per step) with kind messages, simpler ones for children.</summary>
public sealed class ReportFormValidator : AbstractValidator<ReportForm>
{
    public ReportFormValidator(IStringLocalizer<SharedResource> text)
    {
        string Say(ReportForm form, string key, params object[] arguments) =>
            Wording.For(text, form.IsFromAChild, key, arguments);

        RuleSet(ReportSteps.You, () =>
            RuleFor(form => form.ReporterRole).NotNull().WithMessage(form => Say(form, "Validation.ReporterRole")));
        RuleSet(ReportSteps.What, () =>
        {
            RuleFor(form => form.Category).NotNull().WithMessage(form => Say(form, "Validation.Category"));
            RuleFor(form => form.Description)
                .NotEmpty().WithMessage(form => Say(form, "Validation.Description.Required"))
                .MaximumLength(ReportForm.MaxDescriptionLength)
                .WithMessage(form => Say(form, "Validation.TooLong", ReportForm.MaxDescriptionLength));
        });
        RuleSet(ReportSteps.Where, () =>
        {
            RuleFor(form => form.Urls).AreLinks(Say);
            RuleFor(form => form.Platform).MaximumLength(ReportForm.MaxShortTextLength)
                .WithMessage(form => Say(form, "Validation.TooLong", ReportForm.MaxShortTextLength));
            RuleFor(form => form.Usernames).MaximumLength(ReportForm.MaxUsernamesLength)
                .WithMessage(form => Say(form, "Validation.TooLong", ReportForm.MaxUsernamesLength));
            RuleFor(form => form.Country).Must(country => string.IsNullOrEmpty(country) || Countries.IsKnown(country))
                .WithMessage(form => Say(form, "Validation.Country"));
            RuleFor(form => form.Region).MaximumLength(ReportForm.MaxShortTextLength)
                .WithMessage(form => Say(form, "Validation.TooLong", ReportForm.MaxShortTextLength));
            RuleFor(form => form.When).NotNull().WithMessage(form => Say(form, "Validation.When"));
        });
        RuleSet(ReportSteps.Child, () =>
        {
            RuleFor(form => form.ChildAge).NotNull().WithMessage(form => Say(form, "Validation.ChildAge"));
            RuleFor(form => form.ChildInDanger).NotNull().WithMessage(form => Say(form, "Validation.ChildInDanger"));
        });
        RuleSet(ReportSteps.Contact, () =>
        {
            RuleFor(form => form.Contact).NotNull().WithMessage(form => Say(form, "Validation.Contact"));
            When(form => form.Contact == ContactPreference.Email, () =>
            {
                RuleFor(form => form.ContactEmail)
                    .NotEmpty().WithMessage(form => Say(form, "Validation.ContactEmail.Required"))
                    .Must(email => email is null || ReportForm.IsEmailAddress(email.Trim()))
                    .WithMessage(form => Say(form, "Validation.ContactEmail.Format"));
                RuleFor(form => form.ContactName).MaximumLength(ReportForm.MaxShortTextLength)
                    .WithMessage(form => Say(form, "Validation.TooLong", ReportForm.MaxShortTextLength));
            });
        });
    }
}
