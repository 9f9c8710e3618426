using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using ReportingPortal.Web.Shared;

namespace ReportingPortal.Web.Reports;

/// <summary>What the report form's page shows for one step: the wording, the answers so far and the errors.</summary>
public sealed class ReportFormView(ReportForm form, string currentStep, ModelStateDictionary modelState, IStringLocalizer text)
{
    /// <summary>The id of the captcha on the page, and its key in the model state.</summary>
    public const string CaptchaField = "captcha";

    private const string FormPrefix = "Form";

    public ReportForm Form => form;

    public string CurrentStep => currentStep;

    public bool HasErrors => ErrorSummary().Any();

    public int StepNumber => Array.IndexOf(ReportSteps.All, CurrentStep) + 1;

    /// <summary>Wording for the reporter: simpler for a child when a simpler version exists.</summary>
    public string Say(string key, params object[] arguments) => Wording.For(text, form.IsFromAChild, key, arguments);

    public string? ErrorFor(string field) =>
        modelState.TryGetValue($"{FormPrefix}.{field}", out var entry) && entry.Errors.Count > 0
            ? entry.Errors[0].ErrorMessage
            : null;

    /// <summary>The current step's errors, each with the id of the element to jump to.</summary>
    public IEnumerable<(string Id, string Message)> ErrorSummary() =>
        ReportSteps.Fields[CurrentStep]
            .Select(field => (Id: FirstInputId(field), Message: ErrorFor(field)))
            .Append((Id: CaptchaField, Message: CurrentStep == ReportSteps.Check ? CaptchaError : null))
            .Where(error => error.Message is not null)
            .Select(error => (error.Id, error.Message!));

    public string? CaptchaError =>
        modelState.TryGetValue(CaptchaField, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>Every answer that is not asked on the current step, to carry along as hidden fields.</summary>
    public IEnumerable<(string Name, string Value)> CarriedAnswers() =>
        ReportSteps.All.Where(step => step != CurrentStep)
            .SelectMany(step => ReportSteps.Fields[step])
            .Select(field => (Name: $"{FormPrefix}.{field}", Value: Answer(field)))
            .Where(answer => !string.IsNullOrEmpty(answer.Value))
            .Select(answer => (answer.Name, answer.Value!));

    /// <summary>An answer as it is posted: the text typed or the name of the choice made.</summary>
    public string? Answer(string field) => typeof(ReportForm).GetProperty(field)!.GetValue(form)?.ToString();

    /// <summary>An answer as the reporter reads it on the check step.</summary>
    public string? ShownAnswer(string field)
    {
        var value = Answer(field);
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (ChoicesOf(field) is not null)
            return Say($"Form.{field}.{value}");
        return field == nameof(ReportForm.Country) && Countries.IsKnown(value) ? Countries.Name(value) : value;
    }

    public string QuestionFor(string field) =>
        text[$"Form.{field}.Legend"] is { ResourceNotFound: false } ? Say($"Form.{field}.Legend") : Say($"Form.{field}.Label");

    public ChoiceGroup Choices<TEnum>(string field, bool hints = false) where TEnum : struct, Enum =>
        new(
            $"{FormPrefix}.{field}",
            Say($"Form.{field}.Legend"),
            OptionalText($"Form.{field}.Hint"),
            Enum.GetNames<TEnum>()
                .Select(value => new Choice(value, Say($"Form.{field}.{value}"),
                    hints ? OptionalText($"Form.{field}.{value}.Hint") : null))
                .ToList(),
            Answer(field),
            ErrorFor(field));

    public TextField Field(string field, int maxLength, bool multiline = false, string inputType = "text",
        string? autoComplete = null) =>
        new(
            $"{FormPrefix}.{field}",
            Say($"Form.{field}.Label"),
            OptionalText($"Form.{field}.Hint"),
            Answer(field),
            ErrorFor(field),
            maxLength,
            multiline,
            inputType,
            autoComplete);

    private static string FirstInputId(string field) =>
        ChoicesOf(field) is { } choices
            ? $"{FormPrefix}_{field}_{Enum.GetNames(choices)[0]}"
            : $"{FormPrefix}_{field}";

    /// <summary>The enum of choices a field offers (radio buttons), or null for a field that takes text.</summary>
    private static Type? ChoicesOf(string field) =>
        Nullable.GetUnderlyingType(typeof(ReportForm).GetProperty(field)!.PropertyType) is { IsEnum: true } choices
            ? choices
            : null;

    private string? OptionalText(string key) =>
        text[key].ResourceNotFound ? null : Say(key);
}
