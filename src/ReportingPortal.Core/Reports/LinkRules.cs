using FluentValidation;

namespace ReportingPortal.Core.Reports;

/// <summary>The rules for links typed one per line, wherever a reporter types them: the form, and a reply later.</summary>
public static class LinkRules
{
    /// <param name="say">The message for a key and its arguments, in the wording for this reporter.</param>
    public static IRuleBuilderOptions<T, string?> AreLinks<T>(this IRuleBuilder<T, string?> rule, Func<T, string, object[], string> say) =>
        rule.Must(urls => ReportForm.Links(urls).Count <= ReportForm.MaxUrls)
            .WithMessage(form => say(form, "Validation.Urls.TooMany", [ReportForm.MaxUrls]))
            .Must(urls => ReportForm.Links(urls).All(ReportForm.IsWebAddress))
            .WithMessage(form => say(form, "Validation.Urls.Format", []));
}
