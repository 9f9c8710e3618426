using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.Forwarding;

/// <summary>An empty list matches anything; a rule matches when every list it has matches.</summary>
public sealed class RoutingRule
{
    public string Queue { get; set; } = "";
    public List<ReportCategory> Categories { get; set; } = [];
    public List<string> Countries { get; set; } = [];
    public List<Priority> Priorities { get; set; } = [];
}
