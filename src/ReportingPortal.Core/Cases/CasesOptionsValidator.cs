using Microsoft.Extensions.Options;
using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.Cases;

public sealed class CasesOptionsValidator : IValidateOptions<CasesOptions>
{
    public ValidateOptionsResult Validate(string? name, CasesOptions options)
    {
        var failures = new List<string>();
        if (options.Outcomes.Count == 0 || options.Outcomes.Any(string.IsNullOrWhiteSpace))
            failures.Add("Cases:Outcomes must list at least one outcome, none of them empty.");
        foreach (var priority in Enum.GetValues<Priority>())
        {
            if (!options.FirstActionDue.TryGetValue(priority, out var due) || due <= TimeSpan.Zero)
                failures.Add($"Cases:FirstActionDue:{priority} must be a positive time, for example 01:00:00.");
            else if (!options.FirstActionDueSoon.TryGetValue(priority, out var soon) || soon <= TimeSpan.Zero || soon >= due)
                failures.Add($"Cases:FirstActionDueSoon:{priority} must be positive and shorter than Cases:FirstActionDue:{priority}.");
        }
        if (options.FeedbackDue <= TimeSpan.Zero)
            failures.Add("Cases:FeedbackDue must be a positive time, for example 91.00:00:00.");
        else if (options.FeedbackDueSoon <= TimeSpan.Zero || options.FeedbackDueSoon >= options.FeedbackDue)
            failures.Add("Cases:FeedbackDueSoon must be positive and shorter than Cases:FeedbackDue.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
