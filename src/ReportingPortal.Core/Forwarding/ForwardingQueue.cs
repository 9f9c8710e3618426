namespace ReportingPortal.Core.Forwarding;

public sealed class ForwardingQueue
{
    public string Name { get; set; } = "";

    /// <summary>Shown to responders, for example "Police cyber unit".</summary>
    public string? DisplayName { get; set; }

    public List<string> Addresses { get; set; } = [];

    /// <summary>The language forwarded reports are written in for this queue.</summary>
    public string Language { get; set; } = "en";
}
