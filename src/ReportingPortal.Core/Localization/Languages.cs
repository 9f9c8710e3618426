using System.Globalization;

namespace ReportingPortal.Core.Localization;

/// <summary>The languages the portal ships, the first being the default, each named in itself.</summary>
public static class Languages
{
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("en", "English"),
        ("fr", "Français"),
        ("es", "Español"),
        ("ar", "العربية"),
    ];

    public static readonly string[] Codes = All.Select(language => language.Code).ToArray();

    public const string CookieName = "rp-language";

    public static bool IsSupported(string? code) => code is not null && Codes.Contains(code);

    public static bool IsCurrent(string code) => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == code;
}
