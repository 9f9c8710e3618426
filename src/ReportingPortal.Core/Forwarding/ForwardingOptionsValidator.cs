using Microsoft.Extensions.Options;
using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.Forwarding;

/// <summary>
/// Checks the queues and rules at start-up, and each queue's key or certificate: one that cannot be read or parsed stops
/// the portal, and so does a queue with EncryptionRequired whose key is missing, expired or not yet valid.
/// </summary>
public sealed class ForwardingOptionsValidator(TimeProvider time) : IValidateOptions<ForwardingOptions>
{
    public ValidateOptionsResult Validate(string? name, ForwardingOptions options)
    {
        var failures = new List<string>();
        var names = options.Queues.Select(queue => queue.Name).ToList();
        if (options.Queues.Count == 0)
            failures.Add("Forwarding:Queues is empty: configure at least one forwarding queue.");
        foreach (var duplicate in names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            failures.Add($"Forwarding:Queues has two queues named '{duplicate.Key}'.");
        for (var i = 0; i < options.Queues.Count; i++)
        {
            var queue = options.Queues[i];
            if (string.IsNullOrWhiteSpace(queue.Name))
                failures.Add($"Forwarding:Queues:{i}:Name is required.");
            if (queue.Addresses.Count == 0)
                failures.Add($"Forwarding:Queues:{i}:Addresses is empty for queue '{queue.Name}'.");
            failures.AddRange(queue.Addresses.Where(address => !ReportForm.IsEmailAddress(address))
                .Select(address => $"Forwarding:Queues:{i}:Addresses has an invalid email address '{address}'."));
            if (KeyProblem(queue, i) is { } problem)
                failures.Add(problem);
        }
        if (!string.IsNullOrEmpty(options.DefaultQueue) && !names.Contains(options.DefaultQueue))
            failures.Add($"Forwarding:DefaultQueue '{options.DefaultQueue}' is not one of Forwarding:Queues.");
        for (var i = 0; i < options.Rules.Count; i++)
        {
            if (!names.Contains(options.Rules[i].Queue))
                failures.Add($"Forwarding:Rules:{i}:Queue '{options.Rules[i].Queue}' is not one of Forwarding:Queues.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private string? KeyProblem(ForwardingQueue queue, int index)
    {
        QueueKey? key;
        try
        {
            key = QueueKey.Load(queue, index);
        }
        catch (QueueKeyException problem)
        {
            return problem.Message;
        }
        if (!queue.EncryptionRequired)
            return null;
        if (key is null)
            return $"Forwarding:Queues:{index}:EncryptionRequired is true for queue '{queue.Name}', but it has no OpenPgpPublicKey, "
                   + "OpenPgpPublicKeyFile, SmimeCertificate or SmimeCertificateFile: give it a key or certificate, or its mail could not be sent.";
        return key.Unusable(time.GetUtcNow()) is { } reason
            ? $"Forwarding:Queues:{index}:EncryptionRequired is true for queue '{queue.Name}', but {reason}: give it a valid one."
            : null;
    }
}
