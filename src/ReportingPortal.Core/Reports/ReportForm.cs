using FluentValidation;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace ReportingPortal.Core.Reports;

/// <summary>What a reporter sends from the report form, as typed.</summary>
public sealed class ReportForm
{
    public const int MaxUrls = 20;
    public const int MaxUrlLength = 2000;
    public const int MaxDescriptionLength = 10_000;
    public const int MaxShortTextLength = 200;
    public const int MaxUsernamesLength = 1000;
    public const int MaxEmailLength = 254;

    public string FormKey { get; set; } = "";

    /// <summary>When the form was opened, protected by the server (see <see cref="FormTimer"/>).</summary>
    public string? OpenedAt { get; set; }

    /// <summary>A field people never see or fill in; automated senders often do.</summary>
    public string? Website { get; set; }

    public ReporterRole? ReporterRole { get; set; }
    public ReportCategory? Category { get; set; }
    public string? Urls { get; set; }
    public string? Platform { get; set; }
    public string? Usernames { get; set; }
    public string? Country { get; set; }
    public string? Region { get; set; }
    public WhenItHappened? When { get; set; }
    public ChildAgeRange? ChildAge { get; set; }
    public ChildInDanger? ChildInDanger { get; set; }
    public string? Description { get; set; }
    public ContactPreference? Contact { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }

    /// <summary>How the acknowledgement may look in the reporter's inbox; none is sent when not safe.</summary>
    public EmailWording? EmailWording { get; set; }

    public bool IsFromAChild => ReporterRole is Reports.ReporterRole.ChildAboutThemselves or Reports.ReporterRole.ChildAboutSomeoneElse;

    /// <summary>Cleans every typed field before it is checked and stored (see <see cref="PlainText"/>).</summary>
    public void Clean()
    {
        Urls = PlainText.Clean(Urls, multiline: true);
        Description = PlainText.Clean(Description, multiline: true);
        Platform = PlainText.Clean(Platform, multiline: false);
        Usernames = PlainText.Clean(Usernames, multiline: false);
        Country = PlainText.Clean(Country, multiline: false);
        Region = PlainText.Clean(Region, multiline: false);
        ContactName = PlainText.Clean(ContactName, multiline: false);
        ContactEmail = PlainText.Clean(ContactEmail, multiline: false);
    }

    /// <summary>The links, one per line as typed, without blank lines or surrounding spaces.</summary>
    public IReadOnlyList<string> UrlList() => Links(Urls);

    public static IReadOnlyList<string> Links(string? urls) =>
        (urls ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static bool IsWebAddress(string value) =>
        value.Length <= MaxUrlLength
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    public static bool IsEmailAddress(string value) =>
        value.Length <= MaxEmailLength
        && MailboxAddress.TryParse(value, out var mailbox)
        && mailbox.Address == value
        && mailbox.Address.IndexOf('@') is > 0 and var at
        && mailbox.Address.IndexOf('.', at) > at + 1
        && !mailbox.Address.EndsWith('.');
}

/// <summary>The steps of the report form, in order, and the fields each one asks for.</summary>
public static class ReportSteps
{
    public const string You = "you";
    public const string What = "what";
    public const string Where = "where";
    public const string Child = "child";
    public const string Contact = "contact";
    public const string Check = "check";

    public static readonly string[] All = [You, What, Where, Child, Contact, Check];

    public static readonly IReadOnlyDictionary<string, string[]> Fields = new Dictionary<string, string[]>
    {
        [You] = [nameof(ReportForm.ReporterRole)],
        [What] = [nameof(ReportForm.Category), nameof(ReportForm.Description)],
        [Where] = [nameof(ReportForm.Urls), nameof(ReportForm.Platform), nameof(ReportForm.Usernames),
            nameof(ReportForm.Country), nameof(ReportForm.Region), nameof(ReportForm.When)],
        [Child] = [nameof(ReportForm.ChildAge), nameof(ReportForm.ChildInDanger)],
        [Contact] = [nameof(ReportForm.Contact), nameof(ReportForm.ContactName), nameof(ReportForm.ContactEmail),
            nameof(ReportForm.EmailWording)],
        [Check] = [],
    };

    public static string Normalise(string? step) => All.Contains(step) ? step! : You;

    public static string? Next(string step) => All.SkipWhile(s => s != step).Skip(1).FirstOrDefault();

    public static string? Previous(string step) => All.TakeWhile(s => s != step).LastOrDefault();

    public static string StepOf(string field) => Fields.First(step => step.Value.Contains(field)).Key;
}

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
            RuleFor(form => form.Urls)
                .Must(urls => ReportForm.Links(urls).Count <= ReportForm.MaxUrls)
                .WithMessage(form => Say(form, "Validation.Urls.TooMany", ReportForm.MaxUrls))
                .Must(urls => ReportForm.Links(urls).All(ReportForm.IsWebAddress))
                .WithMessage(form => Say(form, "Validation.Urls.Format"));
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
