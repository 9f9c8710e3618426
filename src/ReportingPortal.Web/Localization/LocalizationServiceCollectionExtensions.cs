using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ReportingPortal.Web.Localization;

public static class LocalizationServiceCollectionExtensions
{
    /// <summary>The languages the portal ships, the first being the default.</summary>
    public static readonly string[] Languages = ["en"];

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Languages.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture(Languages[0]);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
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
}
