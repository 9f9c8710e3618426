using System.Collections.Concurrent;
using System.Globalization;

namespace ReportingPortal.Core.Reports;

/// <summary>ISO 3166 two-letter country codes, with names in the reader's language.</summary>
public static class Countries
{
    private static readonly HashSet<string> Codes = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(culture => culture.Name)
        .Where(name => name.Contains('-'))
        .Select(name => name[(name.LastIndexOf('-') + 1)..])
        .Where(code => code.Length == 2 && code.All(char.IsAsciiLetterUpper) && HasRegionInfo(code))
        .ToHashSet(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, IReadOnlyList<Country>> ByLanguage = new();

    private static bool HasRegionInfo(string code)
    {
        try
        {
            _ = new RegionInfo($"en-{code}");
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public static bool IsKnown(string code) => Codes.Contains(code);

    /// <summary>The country's name in the reader's language (a region built with a language names it in that language).</summary>
    public static string Name(string code) =>
        new RegionInfo($"{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}-{code}").DisplayName;

    public static IReadOnlyList<Country> All() =>
        ByLanguage.GetOrAdd(CultureInfo.CurrentUICulture.Name, _ =>
            Codes.Select(code => new Country(code, Name(code)))
                .OrderBy(country => country.Name, StringComparer.Create(CultureInfo.CurrentUICulture, ignoreCase: true))
                .ToList());
}
