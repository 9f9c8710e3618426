using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ReportingPortal.Core.Configuration;

namespace ReportingPortal.Core.Encryption;

/// <summary>Refuses to start without a usable current key: a report stored without one could never be read.</summary>
public sealed partial class EncryptionOptionsValidator : IValidateOptions<EncryptionOptions>
{
    public ValidateOptionsResult Validate(string? name, EncryptionOptions options)
    {
        var failures = new List<string>();
        if (options.Keys.Count == 0)
            failures.Add("Encryption:Keys must hold at least one key (Encryption:Keys:<id> = base64 of at least 32 random bytes, "
                         + "for example Encryption__Keys__k1=$(openssl rand -base64 32)); it encrypts what reporters write.");
        foreach (var (id, key) in options.Keys)
        {
            if (!KeyId().IsMatch(id))
                failures.Add($"Encryption:Keys:{id}: a key id is 1 to 32 letters, digits or underscores.");
            if (!Base64Keys.IsValid(key))
                failures.Add(Base64Keys.Requirement($"Encryption:Keys:{id}"));
        }
        if (options.Keys.Count > 0 && !options.Keys.ContainsKey(options.CurrentKeyId))
            failures.Add($"Encryption:CurrentKeyId must name one of Encryption:Keys ({string.Join(", ", options.Keys.Keys)}): the key that wraps new reports' data keys.");
        if (options.RewrapBatchSize is < 1 or > 10_000)
            failures.Add("Encryption:RewrapBatchSize must be between 1 and 10000.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z0-9_]{1,32}$")]
    private static partial Regex KeyId();
}
