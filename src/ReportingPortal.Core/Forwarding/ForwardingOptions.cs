using System.ComponentModel.DataAnnotations;

namespace ReportingPortal.Core.Forwarding;

/// <summary>Forwarding queues (who receives reports by email) and the routing rules that pick them.</summary>
public sealed class ForwardingOptions
{
    public const string Section = "Forwarding";

    public List<ForwardingQueue> Queues { get; set; } = [];

    /// <summary>A report is sent to the queue of every rule it matches.</summary>
    public List<RoutingRule> Rules { get; set; } = [];

    /// <summary>Where a report that matches no rule goes, so none goes nowhere.</summary>
    [Required(ErrorMessage = "Forwarding:DefaultQueue is required: the queue for reports that match no rule.")]
    public string DefaultQueue { get; set; } = "";

    /// <summary>Whether forwards and referrals carry the report as a JSON document (<see cref="ForwardDocument"/>) beside the text.</summary>
    public bool JsonAttachment { get; set; } = true;

    /// <summary>The queue named <paramref name="name"/> as responders know it: its display name, else its name.</summary>
    public string DisplayNameOf(string name) => Queues.FirstOrDefault(queue => queue.Name == name)?.DisplayName ?? name;
}
