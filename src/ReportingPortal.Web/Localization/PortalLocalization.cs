using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ReportingPortal.Web.Localization;

public static class PortalLocalization
{
    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Languages.Codes.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture(Languages.Codes[0]);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // The console in English (its only language for now); on the public site a chosen language (a session
            // cookie), then the browser's languages; never a query string.
            options.RequestCultureProviders =
            [
                new CustomRequestCultureProvider(context => Task.FromResult(
                    context.Request.Path.StartsWithSegments(Routes.Console) ? new ProviderCultureResult("en") : null)),
                new CustomRequestCultureProvider(LanguageChosenOnTheForm),
                new CookieRequestCultureProvider { CookieName = Languages.CookieName },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

        // Model binding's own messages ("The value 'x' is not valid") in the reader's language.
        services.AddOptions<MvcOptions>().Configure<IStringLocalizer<SharedResource>>((options, text) =>
        {
            var messages = options.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((_, _) => text["Validation.InvalidChoice"]);
            messages.SetValueIsInvalidAccessor(_ => text["Validation.InvalidChoice"]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => text["Validation.InvalidChoice"]);
            messages.SetUnknownValueIsInvalidAccessor(_ => text["Validation.InvalidChoice"]);
            messages.SetValueMustBeANumberAccessor(_ => text["Validation.InvalidChoice"]);
            messages.SetValueMustNotBeNullAccessor(_ => text["Validation.InvalidChoice"]);
            messages.SetMissingBindRequiredValueAccessor(_ => text["Validation.InvalidChoice"]);
        });
        return services;
    }

    /// <summary>
    /// The report form's language buttons post the answers with Go=language:xx, so the page is shown again in
    /// that language with nothing lost; the choice must be known before the page runs.
    /// </summary>
    private static async Task<ProviderCultureResult?> LanguageChosenOnTheForm(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.HasFormContentType)
            return null;
        string go;
        try
        {
            go = (await context.Request.ReadFormAsync(context.RequestAborted))["Go"].ToString();
        }
        catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException or IOException)
        {
            return null; // a broken form is answered later, kindly, by the page it was sent to
        }
        return go.StartsWith(LanguageAction, StringComparison.Ordinal) && Languages.IsSupported(go[LanguageAction.Length..])
            ? new ProviderCultureResult(go[LanguageAction.Length..])
            : null;
    }

    public const string LanguageAction = "language:";

    /// <summary>GET /language/fr?returnUrl=/learn remembers the choice for this browser session and goes back.</summary>
    public static void MapLanguageChoice(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Routes.Language, (string code, string? returnUrl, HttpContext context) =>
        {
            if (!Languages.IsSupported(code))
                return Results.NotFound();
            Remember(context, code);
            // Only a path on this site: anything else (//host, /\host, http://host, a control character) goes home.
            return Results.LocalRedirect(RedirectHttpResult.IsLocalUrl(returnUrl) ? returnUrl! : Routes.Home);
        });

    /// <summary>A session cookie: it ends with the browser session, leaving less trace on a shared device.</summary>
    public static void Remember(HttpContext context, string code) =>
        context.Response.Cookies.Append(Languages.CookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(code)),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = context.Request.IsHttps, IsEssential = true });
}
