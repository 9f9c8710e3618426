using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.RateLimiting;
using ReportingPortal.Web.Captcha;
using ReportingPortal.Web.Localization;
using ReportingPortal.Web.RateLimiting;

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
    SameBrowserReceipts sameBrowser,
    ReportLimits limits,
    IValidator<ReportForm> validator,
    SubmissionScreening screening,
    FormTimer timer,
    IStringLocalizer<SharedResource> text)
    : PageModel
{
    [BindProperty]
    public ReportForm Form { get; set; } = new();

    /// <summary>The step the answers were posted from.</summary>
    [BindProperty]
    public string? Step { get; set; }

    /// <summary>What the reporter pressed: next, back, change:STEP, or send.</summary>
    [BindProperty]
    public string? Go { get; set; }

    public string CurrentStep { get; private set; } = ReportSteps.You;

    /// <summary>What the page shows for the current step.</summary>
    public ReportFormView FormView => new(Form, CurrentStep, ModelState, text);

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

        // The browser that stored this form a moment ago (Back and Send) sees its receipt again; no one else does.
        if (sameBrowser.ReferenceFor(HttpContext, Form.FormKey) is { } sentFromHere)
            return ShowReceipt(new ReceiptHandOver(Form.FormKey, sentFromHere, ShowAccessCode: true, Form.IsFromAChild));

        // Counted before the captcha is checked, so refused answers count too; a form sent again from anywhere else
        // faces the limits and the captcha of a new report.
        if (!limits.TrySend(HttpContext, out var retryAfter))
            return TooManyReports(retryAfter);

        var screened = await screening.Screen(Form, Request, cancellationToken);
        if (screened.Captcha == CaptchaResult.Refused)
        {
            ModelState.AddModelError(ReportFormView.CaptchaField, text["Captcha.Refused"]);
            return ShowErrors(ReportSteps.Check);
        }

        if (screened.Suspicious && !limits.TrySendUnverified(HttpContext, out retryAfter))
            return TooManyReports(retryAfter);

        var report = await handler.Handle(Form, screened.Signals, screened.Reasons, CultureInfo.CurrentUICulture.Name, cancellationToken);
        if (!report.AlreadyReceived)
            sameBrowser.Remember(HttpContext, Form.FormKey, report.Reference);
        return ShowReceipt(new ReceiptHandOver(Form.FormKey, report.Reference, ShowAccessCode: !report.AlreadyReceived, Form.IsFromAChild));
    }

    private StatusCodeResult ShowReceipt(ReceiptHandOver handOver)
    {
        handOver.Give(TempData);
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
        var view = FormView;
        return !bindingFailed && steps.SelectMany(step => ReportSteps.Fields[step]).All(field => view.ErrorFor(field) is null);
    }

    private string FirstStepWithErrors()
    {
        var view = FormView;
        return ReportSteps.All.First(step => step == ReportSteps.Check || ReportSteps.Fields[step].Any(field => view.ErrorFor(field) is not null));
    }

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
}
