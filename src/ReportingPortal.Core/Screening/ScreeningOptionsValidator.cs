using Microsoft.Extensions.Options;
using ReportingPortal.Core.Forwarding;

namespace ReportingPortal.Core.Screening;

/// <summary>Checks the screening settings at start-up; the screening queue must be one of the forwarding queues.</summary>
public sealed class ScreeningOptionsValidator(IOptions<ForwardingOptions> forwarding) : IValidateOptions<ScreeningOptions>
{
    /// <summary>The digest job looks every few seconds, so a shorter interval could not be kept.</summary>
    public static readonly TimeSpan ShortestDigestInterval = TimeSpan.FromSeconds(5);

    public ValidateOptionsResult Validate(string? name, ScreeningOptions options)
    {
        var failures = new List<string>();
        if (options.Enabled && string.IsNullOrWhiteSpace(options.Queue))
            failures.Add("Screening:Queue is required when Screening:Enabled is true: the forwarding queue whose members screen reports.");
        else if (options.Enabled && ForwardingQueueNames() is { } names && !names.Contains(options.Queue))
            failures.Add($"Screening:Queue '{options.Queue}' is not one of Forwarding:Queues.");
        if (options.DigestInterval < ShortestDigestInterval)
            failures.Add("Screening:DigestInterval must be at least 00:00:05 (for example 00:15:00).");
        if (options.ReportsPerClientKey < 1)
            failures.Add("Screening:ReportsPerClientKey must be at least 1.");
        if (options.ClientKeyWindow <= TimeSpan.Zero)
            failures.Add("Screening:ClientKeyWindow must be positive (for example 00:10:00).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The forwarding queues' names; null when the forwarding settings fail their own check, which reports them.</summary>
    private List<string>? ForwardingQueueNames()
    {
        try
        {
            return forwarding.Value.Queues.Select(queue => queue.Name).ToList();
        }
        catch (OptionsValidationException)
        {
            return null;
        }
    }
}
