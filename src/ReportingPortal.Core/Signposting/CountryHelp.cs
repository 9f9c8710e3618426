using System.ComponentModel.DataAnnotations;

namespace ReportingPortal.Core.Signposting;

public sealed class CountryHelp
{
    [Required]
    public string EmergencyNumber { get; set; } = "";

    public List<Helpline> Helplines { get; set; } = [];
}
