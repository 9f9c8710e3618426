using System.ComponentModel.DataAnnotations;

namespace ReportingPortal.Web.Shared;

/// <summary>Where "Leave this site quickly" goes: a neutral page that draws no attention.</summary>
public sealed class QuickExitOptions
{
    public const string Section = "QuickExit";

    [Required, Url(ErrorMessage = "QuickExit:Url must be an absolute http(s) address.")]
    public string Url { get; set; } = "https://www.bbc.co.uk/weather";
}
