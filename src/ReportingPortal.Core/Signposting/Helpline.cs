using System.ComponentModel.DataAnnotations;

namespace ReportingPortal.Core.Signposting;

public sealed class Helpline
{
    [Required]
    public string Name { get; set; } = "";

    public string? Phone { get; set; }

    /// <summary>What the line is for or when it is open, in a few words.</summary>
    public string? Hours { get; set; }
}
