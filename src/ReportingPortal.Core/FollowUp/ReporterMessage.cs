using ReportingPortal.Core.Cases;

namespace ReportingPortal.Core.FollowUp;

/// <summary>A message as the reporter sees it: from "the team" or from them, never a responder's name.</summary>
public sealed class ReporterMessage
{
    public MessageDirection Direction { get; init; }
    public string Body { get; init; } = "";
    public string[] Urls { get; init; } = [];
    public DateTime CreatedAt { get; init; }
}
