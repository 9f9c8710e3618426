using Microsoft.Extensions.Options;
using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.Signposting;

public sealed class HelpDirectory(IOptions<SignpostingOptions> options)
{
    public Help For(string? country = null)
    {
        var settings = options.Value;
        foreach (var code in new[] { country, settings.DefaultCountry })
        {
            if (code is not null && settings.Countries.TryGetValue(code, out var help))
                return new Help(code.ToUpperInvariant(), help.EmergencyNumber, help.Helplines);
        }
        return new Help(null, settings.EmergencyNumber, settings.Helplines);
    }

    /// <summary>Every configured country, by name in the reader's language, then the default set.</summary>
    public IReadOnlyList<Help> All() =>
        options.Value.Countries.Keys
            .Select(code => For(code))
            .OrderBy(help => help.CountryName, StringComparer.CurrentCultureIgnoreCase)
            .Append(For(null) with { Country = null })
            .ToList();
}
