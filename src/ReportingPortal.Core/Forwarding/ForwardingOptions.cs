using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.Forwarding;

/// <summary>Responder queues (who receives reports by email) and the routing rules that pick them.</summary>
public sealed class RespondersOptions
{
    public const string Section = "Responders";

    public List<ResponderQueue> Queues { get; set; } = [];

    /// <summary>A report is sent to the queue of every rule it matches.</summary>
    public List<RoutingRule> Rules { get; set; } = [];

    /// <summary>Where a report that matches no rule goes, so none goes nowhere.</summary>
    [Required(ErrorMessage = "Responders:DefaultQueue is required: the queue for reports that match no rule.")]
    public string DefaultQueue { get; set; } = "";
}

public sealed class ResponderQueue
{
    public string Name { get; set; } = "";

    /// <summary>Shown to responders, for example "Police cyber unit".</summary>
    public string? DisplayName { get; set; }

    public List<string> Addresses { get; set; } = [];

    /// <summary>The language forwarded reports are written in for this queue.</summary>
    public string Language { get; set; } = "en";
}

/// <summary>An empty list matches anything; a rule matches when every list it has matches.</summary>
public sealed class RoutingRule
{
    public string Queue { get; set; } = "";
    public List<ReportCategory> Categories { get; set; } = [];
    public List<string> Countries { get; set; } = [];
    public List<Priority> Priorities { get; set; } = [];
}

public sealed class RespondersOptionsValidator : IValidateOptions<RespondersOptions>
{
    public ValidateOptionsResult Validate(string? name, RespondersOptions options)
    {
        var failures = new List<string>();
        var names = options.Queues.Select(queue => queue.Name).ToList();
        if (options.Queues.Count == 0)
            failures.Add("Responders:Queues is empty: configure at least one responder queue.");
        foreach (var duplicate in names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            failures.Add($"Responders:Queues has two queues named '{duplicate.Key}'.");
        for (var i = 0; i < options.Queues.Count; i++)
        {
            var queue = options.Queues[i];
            if (string.IsNullOrWhiteSpace(queue.Name))
                failures.Add($"Responders:Queues:{i}:Name is required.");
            if (queue.Addresses.Count == 0)
                failures.Add($"Responders:Queues:{i}:Addresses is empty for queue '{queue.Name}'.");
            failures.AddRange(queue.Addresses.Where(address => !ReportForm.IsEmailAddress(address))
                .Select(address => $"Responders:Queues:{i}:Addresses has an invalid email address '{address}'."));
        }
        if (!string.IsNullOrEmpty(options.DefaultQueue) && !names.Contains(options.DefaultQueue))
            failures.Add($"Responders:DefaultQueue '{options.DefaultQueue}' is not one of Responders:Queues.");
        for (var i = 0; i < options.Rules.Count; i++)
        {
            if (!names.Contains(options.Rules[i].Queue))
                failures.Add($"Responders:Rules:{i}:Queue '{options.Rules[i].Queue}' is not one of Responders:Queues.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
