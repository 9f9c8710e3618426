using ReportingPortal.Core.Forwarding;

namespace ReportingPortal.Core.Cases;

/// <summary>Who is mailed about a case: its owner while an enabled account owns it, otherwise its queues.</summary>
public static class CaseRecipients
{
    /// <param name="ownerEmail">The owner's address; null when nobody owns the case or its owner is disabled.</param>
    /// <returns>The owner (queue null); otherwise every address of the case's queues, each once, with its queue.</returns>
    public static IReadOnlyList<(string? Queue, string Address)> For(string? ownerEmail, IEnumerable<string> queues, ForwardingOptions forwarding)
    {
        if (ownerEmail is not null)
            return [(null, ownerEmail)];
        return queues
            .SelectMany(name => forwarding.Queues.Where(queue => queue.Name == name))
            .SelectMany(queue => queue.Addresses.Select(address => ((string?)queue.Name, address)))
            .DistinctBy(recipient => recipient.address.ToLowerInvariant())
            .ToList();
    }
}
