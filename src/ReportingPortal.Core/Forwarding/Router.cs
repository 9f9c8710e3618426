using Microsoft.Extensions.Options;
using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.Forwarding;

/// <summary>Picks the forwarding queues a report goes to.</summary>
public sealed class Router(IOptions<ForwardingOptions> options)
{
    public IReadOnlyList<ForwardingQueue> QueuesFor(ReportCategory category, string? country, Priority priority)
    {
        var forwarding = options.Value;
        var names = forwarding.Rules
            .Where(rule => (rule.Categories.Count == 0 || rule.Categories.Contains(category))
                           && (rule.Countries.Count == 0 || (country is not null && rule.Countries.Contains(country, StringComparer.OrdinalIgnoreCase)))
                           && (rule.Priorities.Count == 0 || rule.Priorities.Contains(priority)))
            .Select(rule => rule.Queue)
            .Distinct()
            .ToList();
        if (names.Count == 0)
            names.Add(forwarding.DefaultQueue);
        return forwarding.Queues.Where(queue => names.Contains(queue.Name)).ToList();
    }
}
