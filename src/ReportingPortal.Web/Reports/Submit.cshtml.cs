using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.RateLimiting;
using ReportingPortal.Web.Captcha;
using ReportingPortal.Web.Localization;
using ReportingPortal.Web.RateLimiting;
using ReportingPortal.Web.Shared;

namespace ReportingPortal.Web.Reports;

/// <summary>
/// The report form as short steps, then a check-and-send step. Each step posts every answer so far (the other
/// steps' answers as hidden fields), so the flow needs no server-side session and works without JavaScript.
/// A post without a step action (a script, or a browser that sends everything at once) is sent as it is.
/// Every post counts against the generous step limit; only a send counts against the report limit, so a whole
/// report counts once.
/// </summary>
[EnableRateLimiting(RateLimitPolicies.ReportSteps)]
public sealed class SubmitModel(
    SubmitReportHandler handler,
    ReportLimits limits,
    IValidator<ReportForm> validator,
    SubmissionScreening screening,
    FormTimer timer,
    IStringLocalizer<SharedResource> text)
    : PageModel
{
    /// <summary>The id of the captcha on the page, and its key in the model state.</summary>
    public const string CaptchaField = "captcha";

    [BindProperty]
    public ReportForm Form { get; set; } = new();

    /// <summary>The step the answers were posted from.</summary>
    [BindProperty]
    public string? Step { get; set; }

    /// <summary>What the reporter pressed: next, back, change:STEP, or send.</summary>
    [BindProperty]
    public string? Go { get; set; }

    public string CurrentStep { get; private set; } = ReportSteps.You;

    public void OnGet() => Form = new ReportForm { FormKey = ReceiptCodes.NewFormKey(), OpenedAt = timer.Start() };

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        if (!ReceiptCodes.IsFormKey(Form.FormKey))
            Form.FormKey = ReceiptCodes.NewFormKey();
        Form.Clean();
        var from = ReportSteps.Normalise(Step);

        switch (Go)
        {
            case "back":
                return Show(ReportSteps.Previous(from) ?? ReportSteps.You);
            case { } change when change.StartsWith("change:", StringComparison.Ordinal):
                return Show(ReportSteps.Normalise(change["change:".Length..]));
            case { } language when language.StartsWith(PortalLocalization.LanguageAction, StringComparison.Ordinal)
                                   && Languages.IsSupported(language[PortalLocalization.LanguageAction.Length..]):
                // The request is already in that language (see PortalLocalization); remember it for the next pages.
                PortalLocalization.Remember(HttpContext, language[PortalLocalization.LanguageAction.Length..]);
                return Show(from);
            case "next":
                return Validate(ReportSteps.Fields[from].Length == 0 ? [] : [from])
                    ? Show(ReportSteps.Next(from) ?? ReportSteps.Check)
                    : ShowErrors(from);
        }

        if (!Validate(ReportSteps.All))
            return ShowErrors(FirstStepWithErrors());

        // Counted before the captcha is checked, so refused answers count too; the same form sent again (a double
        // click on the last report allowed) still gets its receipt.
        if (!limits.TrySend(HttpContext, out var retryAfter) && !await handler.WasSent(Form.FormKey, cancellationToken))
            return TooManyReports(retryAfter);

        var screened = await screening.Screen(Form, Request, cancellationToken);
        if (screened.Captcha == CaptchaResult.Refused && !await handler.WasSent(Form.FormKey, cancellationToken))
        {
            ModelState.AddModelError(CaptchaField, text["Captcha.Refused"]);
            return ShowErrors(ReportSteps.Check);
        }

        if (screened.Suspicious && !limits.TrySendUnverified(HttpContext, out retryAfter))
            return TooManyReports(retryAfter);

        await handler.Handle(Form, screened.Signals, CultureInfo.CurrentUICulture.Name, cancellationToken);
        TempData[ReceiptModel.FormKeyTempDataKey] = Form.FormKey;
        TempData[ReceiptModel.ForAChildTempDataKey] = Form.IsFromAChild;
        Response.Headers.Location = Url.Page("/Reports/Receipt");
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private StatusCodeResult TooManyReports(TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait)
            RateLimitPolicies.SetRetryAfter(Response, wait);
        return StatusCode(StatusCodes.Status429TooManyRequests);
    }

    private bool Validate(string[] steps)
    {
        var bindingFailed = steps.SelectMany(step => ReportSteps.Fields[step])
            .Any(field => ModelState[$"{nameof(Form)}.{field}"]?.Errors.Count > 0);
        foreach (var failure in validator.Validate(Form, options => options.IncludeRuleSets(steps)).Errors)
            ModelState.AddModelError($"{nameof(Form)}.{failure.PropertyName}", failure.ErrorMessage);
        return !bindingFailed && steps.SelectMany(step => ReportSteps.Fields[step]).All(field => ErrorFor(field) is null);
    }

    private string FirstStepWithErrors() =>
        ReportSteps.All.First(step => step == ReportSteps.Check || ReportSteps.Fields[step].Any(field => ErrorFor(field) is not null));

    /// <summary>Moves to another step; answers already given stay, errors are not shown before it is filled in.</summary>
    private PageResult Show(string step)
    {
        ModelState.Clear();
        CurrentStep = step;
        return Page();
    }

    private PageResult ShowErrors(string step)
    {
        CurrentStep = step;
        return Page();
    }

    public bool HasErrors => ErrorSummary().Any();

    public int StepNumber => Array.IndexOf(ReportSteps.All, CurrentStep) + 1;

    /// <summary>Wording for the reporter: simpler for a child when a simpler version exists.</summary>
    public string Say(string key, params object[] arguments) => Wording.For(text, Form.IsFromAChild, key, arguments);

    public string? ErrorFor(string field) =>
        ModelState.TryGetValue($"{nameof(Form)}.{field}", out var entry) && entry.Errors.Count > 0
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
        ModelState.TryGetValue(CaptchaField, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>Every answer that is not asked on the current step, to carry along as hidden fields.</summary>
    public IEnumerable<(string Name, string Value)> CarriedAnswers() =>
        ReportSteps.All.Where(step => step != CurrentStep)
            .SelectMany(step => ReportSteps.Fields[step])
            .Select(field => (Name: $"{nameof(Form)}.{field}", Value: Answer(field)))
            .Where(answer => !string.IsNullOrEmpty(answer.Value))
            .Select(answer => (answer.Name, answer.Value!));

    /// <summary>An answer as it is posted: the text typed or the name of the choice made.</summary>
    public string? Answer(string field) => typeof(ReportForm).GetProperty(field)!.GetValue(Form)?.ToString();

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

    private static string FirstInputId(string field) =>
        ChoicesOf(field) is { } choices
            ? $"{nameof(Form)}_{field}_{Enum.GetNames(choices)[0]}"
            : $"{nameof(Form)}_{field}";

    /// <summary>The enum of choices a field offers (radio buttons), or null for a field that takes text.</summary>
    private static Type? ChoicesOf(string field) =>
        Nullable.GetUnderlyingType(typeof(ReportForm).GetProperty(field)!.PropertyType) is { IsEnum: true } choices
            ? choices
            : null;

    public ChoiceGroup Choices<TEnum>(string field, bool hints = false) where TEnum : struct, Enum =>
        new(
            $"{nameof(Form)}.{field}",
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
            $"{nameof(Form)}.{field}",
            Say($"Form.{field}.Label"),
            OptionalText($"Form.{field}.Hint"),
            Answer(field),
            ErrorFor(field),
            maxLength,
            multiline,
            inputType,
            autoComplete);

    private string? OptionalText(string key) =>
        text[key].ResourceNotFound ? null : Say(key);
}
