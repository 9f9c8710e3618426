using Microsoft.Extensions.Options;
using ReportingPortal.Core.Configuration;

namespace ReportingPortal.Web.Captcha;

public static class CaptchaServiceCollectionExtensions
{
    /// <summary>The captcha chosen by Captcha:Provider: one verifier, checked at start-up.</summary>
    public static IServiceCollection AddCaptcha(this IServiceCollection services)
    {
        services.AddValidatedOptions<CaptchaOptions>(CaptchaOptions.Section)
            .Validate<IHostEnvironment>((options, environment) => options.Provider != CaptchaProvider.None || !environment.IsProduction(),
                "Captcha:Provider none is for development only and is refused in Production: use altcha (the default).")
            .Validate(options => options.Provider != CaptchaProvider.Altcha || Base64Keys.IsValid(options.Altcha.HmacKey),
                Base64Keys.Requirement("Captcha:Altcha:HmacKey"))
            .Validate(options => options.Provider != CaptchaProvider.Altcha
                                 || (options.Altcha.MaxNumber is >= 1 and <= 10_000_000 && options.Altcha.Expires > TimeSpan.Zero),
                "Captcha:Altcha:MaxNumber must be between 1 and 10000000 and Captcha:Altcha:Expires positive.")
            .Validate(options => options.Provider != CaptchaProvider.Altcha
                                 || (options.Altcha.MaxNumberCeiling >= options.Altcha.MaxNumber && options.Altcha.MaxNumberCeiling <= 10_000_000
                                     && options.Altcha.UsualReportsPerMinute >= 1),
                "Captcha:Altcha:MaxNumberCeiling must be between Captcha:Altcha:MaxNumber and 10000000, and Captcha:Altcha:UsualReportsPerMinute at least 1.")
            .Validate(options => options.ThirdParty is not { } provider
                                 || (provider.SiteKey.Length > 0 && provider.SecretKey.Length > 0),
                "Captcha:<Provider>:SiteKey and Captcha:<Provider>:SecretKey are required for the captcha chosen in Captcha:Provider.")
            .Validate(options => options.ThirdParty is not { } provider
                                 || (IsWebAddress(provider.VerifyUrl) && IsWebAddress(provider.ScriptUrl) && provider.Timeout > TimeSpan.Zero),
                "Captcha:<Provider>:VerifyUrl and Captcha:<Provider>:ScriptUrl must be http(s) addresses.")
            .Validate(options => options.Recaptcha.ScoreThreshold is >= 0 and <= 1,
                "Captcha:Recaptcha:ScoreThreshold must be between 0.0 and 1.0.");

        services.AddHttpClient(SiteVerifyCaptchaVerifier.HttpClientName);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<AltchaChallenges>();
        services.AddSingleton<AltchaDifficulty>();
        services.AddSingleton<ICaptchaVerifier>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<CaptchaOptions>>().Value;
            return options.Provider switch
            {
                CaptchaProvider.Altcha => ActivatorUtilities.CreateInstance<AltchaVerifier>(provider),
                CaptchaProvider.None => new NoCaptchaVerifier(),
                _ => ActivatorUtilities.CreateInstance<SiteVerifyCaptchaVerifier>(provider, options.Provider, options.ThirdParty!),
            };
        });
        return services;
    }

    /// <summary>GET /captcha/challenge: a fresh signed ALTCHA challenge for the widget, as hard as the recent rate of reports asks.</summary>
    public static RouteHandlerBuilder MapCaptcha(this IEndpointRouteBuilder app) =>
        app.MapGet(Routes.CaptchaChallenge, async (AltchaChallenges challenges, AltchaDifficulty difficulty, IOptions<CaptchaOptions> options,
                CancellationToken cancellationToken) =>
            options.Value.Provider == CaptchaProvider.Altcha
                ? Results.Json(challenges.Create(await difficulty.MaxNumber(cancellationToken)))
                : Results.NotFound());

    private static bool IsWebAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
