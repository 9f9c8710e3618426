using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ReportingPortal.Web.Captcha;
using ReportingPortal.Web.RateLimiting;
using ReportingPortal.Web.Shared;

namespace ReportingPortal.Web.Reports;

[EnableRateLimiting(RateLimitPolicies.Reports)]
public sealed class SubmitModel(
    SubmitReportHandler handler,
    UnverifiedReportLimiter unverifiedReports,
    IValidator<ReportForm> validator,
    SubmissionScreening screening,
    FormTimer timer,
    IStringLocalizer<SharedResource> text)
    : PageModel
{
    /// <summary>The id of the captcha on the page, and its key in the model state.</summary>
    public const string CaptchaField = "captcha";

    /// <summary>The fields in the order the form shows them, so the error summary follows the page.</summary>
    public static readonly string[] FieldOrder =
    [
        nameof(ReportForm.ReporterRole), nameof(ReportForm.Category), nameof(ReportForm.Description),
        nameof(ReportForm.Urls), nameof(ReportForm.Platform), nameof(ReportForm.Usernames),
        nameof(ReportForm.Country), nameof(ReportForm.Region), nameof(ReportForm.When),
        nameof(ReportForm.ChildAge), nameof(ReportForm.ChildInDanger), nameof(ReportForm.Contact),
        nameof(ReportForm.ContactName), nameof(ReportForm.ContactEmail),
    ];

    [BindProperty]
    public ReportForm Form { get; set; } = new();

    public void OnGet() => Form = new ReportForm { FormKey = ReceiptCodes.NewFormKey(), OpenedAt = timer.Start() };

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        if (!ReceiptCodes.IsFormKey(Form.FormKey))
            Form.FormKey = ReceiptCodes.NewFormKey();
        Form.Clean();

        foreach (var failure in validator.Validate(Form).Errors)
            ModelState.AddModelError($"{nameof(Form)}.{failure.PropertyName}", failure.ErrorMessage);
        if (!ModelState.IsValid)
            return Page();

        var screened = await screening.Screen(Form, Request, cancellationToken);
        if (screened.Captcha == CaptchaResult.Refused && !await handler.WasSent(Form.FormKey, cancellationToken))
        {
            ModelState.AddModelError(CaptchaField, text["Captcha.Refused"]);
            return Page();
        }

        if (screened.Suspicious && !unverifiedReports.TryAcquire(HttpContext, out var retryAfter))
        {
            if (retryAfter is { } wait)
                RateLimitPolicies.SetRetryAfter(Response, wait);
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        await handler.Handle(Form, screened.Signals, CultureInfo.CurrentUICulture.Name, cancellationToken);
        TempData[ReceiptModel.FormKeyTempDataKey] = Form.FormKey;
        Response.Headers.Location = Url.Page("/Reports/Receipt");
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    public string? ErrorFor(string field) =>
        ModelState.TryGetValue($"{nameof(Form)}.{field}", out var entry) && entry.Errors.Count > 0
            ? entry.Errors[0].ErrorMessage
            : null;

    /// <summary>Each field's first error, in page order, with the id of the element to jump to.</summary>
    public IEnumerable<(string Id, string Message)> ErrorSummary() =>
        FieldOrder.Select(field => (Id: FirstInputId(field), Message: ErrorFor(field)))
            .Append((Id: CaptchaField, Message: CaptchaError))
            .Where(error => error.Message is not null)
            .Select(error => (error.Id, error.Message!));

    public string? CaptchaError =>
        ModelState.TryGetValue(CaptchaField, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    private static string FirstInputId(string field)
    {
        var type = typeof(ReportForm).GetProperty(field)!.PropertyType;
        return Nullable.GetUnderlyingType(type) is { IsEnum: true } choices
            ? $"{nameof(Form)}_{field}_{Enum.GetNames(choices)[0]}"
            : $"{nameof(Form)}_{field}";
    }

    public ChoiceGroup Choices<TEnum>(string field, string? selected, bool hints = false) where TEnum : struct, Enum =>
        new(
            $"{nameof(Form)}.{field}",
            text[$"Form.{field}.Legend"],
            OptionalText($"Form.{field}.Hint"),
            Enum.GetNames<TEnum>()
                .Select(value => new Choice(value, text[$"Form.{field}.{value}"],
                    hints ? OptionalText($"Form.{field}.{value}.Hint") : null))
                .ToList(),
            selected,
            ErrorFor(field));

    public TextField Field(string field, int maxLength, bool multiline = false, string inputType = "text",
        string? autoComplete = null) =>
        new(
            $"{nameof(Form)}.{field}",
            text[$"Form.{field}.Label"],
            OptionalText($"Form.{field}.Hint"),
            typeof(ReportForm).GetProperty(field)!.GetValue(Form) as string,
            ErrorFor(field),
            maxLength,
            multiline,
            inputType,
            autoComplete);

    private string? OptionalText(string key)
    {
        var value = text[key];
        return value.ResourceNotFound ? null : value.Value;
    }
}
