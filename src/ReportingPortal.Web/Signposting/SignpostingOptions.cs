using System.ComponentModel.DataAnnotations;

namespace ReportingPortal.Web.Signposting;

/// <summary>Where to get help now: the emergency number and helplines shown on public pages.</summary>
public sealed class SignpostingOptions
{
    public const string Section = "Signposting";

    [Required(ErrorMessage = "Signposting:EmergencyNumber is required: the number to call when a child is in danger now.")]
    public string EmergencyNumber { get; set; } = "";

    public List<Helpline> Helplines { get; set; } = [];
}

public sealed class Helpline
{
    [Required]
    public string Name { get; set; } = "";

    public string? Phone { get; set; }

    public string? Hours { get; set; }
}
