using System.ComponentModel.DataAnnotations;

namespace ReportingPortal.Core.Cases;

/// <summary>Where responders reach the console: the links in forwards, reminders and invitations start here.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>The portal's public address as responders reach it, for example https://report.example.org.</summary>
    [Required(ErrorMessage = "Console:Address is required: the portal's public address, for the links in emails to responders.")]
    [Url(ErrorMessage = "Console:Address must be an absolute http or https address, for example https://report.example.org.")]
    public string Address { get; set; } = "";

    /// <summary>The absolute link to <paramref name="path"/> (which starts with a slash) in the console.</summary>
    public string Link(string path) => Address.TrimEnd('/') + path;

    /// <summary>The console's page for the case with this reference; the link carries the reference only.</summary>
    public string CaseLink(string reference) => Link(CasePath(reference));

    public static string CasePath(string reference) => "/console/cases/" + Uri.EscapeDataString(reference);
}
