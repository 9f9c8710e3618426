using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ReportingPortal.Core.Configuration;
using ReportingPortal.Core.Encryption;

namespace ReportingPortal.Core.Linking;

/// <summary>
/// Keyed fingerprints (HMAC-SHA256) of a report's normalised links, stored beside the report in place of the links, so
/// that reports naming the same link can be found without any link being kept in clear. Without the key a fingerprint
/// cannot be checked against a guessed link. Each link gets one fingerprint per fingerprint key, so that a report made
/// while a new encryption key is added still meets the reports made before.
/// </summary>
public sealed class LinkFingerprints
{
    private static readonly byte[] DerivationLabel = "ReportingPortal link fingerprints"u8.ToArray();
    private readonly byte[][] keys;

    public LinkFingerprints(IOptions<LinkingOptions> linking, IOptions<EncryptionOptions> encryption)
    {
        var secrets = string.IsNullOrEmpty(linking.Value.FingerprintKey)
            ? encryption.Value.Keys.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Value)
            : [linking.Value.FingerprintKey];
        keys = secrets
            .Select(secret => HKDF.DeriveKey(HashAlgorithmName.SHA256, Base64Keys.Decode(secret), 32, info: DerivationLabel))
            .ToArray();
    }

    /// <summary>The fingerprints of the web addresses among <paramref name="urls"/>; null when there is none.</summary>
    public byte[][]? Of(IEnumerable<string> urls)
    {
        var fingerprints = urls
            .Select(ReportedLink.Normalise)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .SelectMany(link => keys.Select(key => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(link))))
            .ToArray();
        return fingerprints.Length == 0 ? null : fingerprints;
    }
}
