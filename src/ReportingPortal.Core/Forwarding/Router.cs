using Microsoft.Extensions.Options;
using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.Forwarding;

/// <summary>Picks the responder queues a report goes to.</summary>
public sealed class Router(IOptions<RespondersOptions> options)
{
    public IReadOnlyList<ResponderQueue> QueuesFor(ReportCategory category, string? country, Priority priority)
    {
        var responders = options.Value;
        var names = responders.Rules
            .Where(rule => (rule.Categories.Count == 0 || rule.Categories.Contains(category))
                           && (rule.Countries.Count == 0 || (country is not null && rule.Countries.Contains(country, StringComparer.OrdinalIgnoreCase)))
                           && (rule.Priorities.Count == 0 || rule.Priorities.Contains(priority)))
            .Select(rule => rule.Queue)
            .Distinct()
            .ToList();
        if (names.Count == 0)
            names.Add(responders.DefaultQueue);
        return responders.Queues.Where(queue => names.Contains(queue.Name)).ToList();
    }
}
