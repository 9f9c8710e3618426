using System.ComponentModel.DataAnnotations;

namespace ReportingPortal.Core.Signposting;

/// <summary>Where to get help now: emergency numbers and helplines, a default set and one per country.</summary>
public sealed class SignpostingOptions
{
    public const string Section = "Signposting";

    /// <summary>The default emergency number, shown where no country's numbers apply.</summary>
    [Required(ErrorMessage = "Signposting:EmergencyNumber is required: the number to call when a child is in danger now.")]
    public string EmergencyNumber { get; set; } = "";

    public List<Helpline> Helplines { get; set; } = [];

    /// <summary>The country whose numbers public pages show first; none shows the default set.</summary>
    public string? DefaultCountry { get; set; }

    /// <summary>Numbers per ISO 3166 country code.</summary>
    public Dictionary<string, CountryHelp> Countries { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
