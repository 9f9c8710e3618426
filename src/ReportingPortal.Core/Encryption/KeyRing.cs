using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ReportingPortal.Core.Configuration;

namespace ReportingPortal.Core.Encryption;

/// <summary>
/// The configured key-encryption keys. New data keys are wrapped by the current one; any configured one unwraps, so a
/// new key can be added, made current, and the old one removed once the re-wrap job has moved every report.
/// </summary>
public sealed class KeyRing
{
    private static readonly byte[] DerivationLabel = "ReportingPortal report data keys"u8.ToArray();
    private readonly FrozenDictionary<string, byte[]> keys;

    public KeyRing(IOptions<EncryptionOptions> options)
    {
        // The configured secret is stretched to exactly 256 bits, so any secret of 32 bytes or more serves.
        keys = options.Value.Keys.ToFrozenDictionary(
            pair => pair.Key,
            pair => HKDF.DeriveKey(HashAlgorithmName.SHA256, Base64Keys.Decode(pair.Value), AesGcmBox.KeyBytes, info: DerivationLabel),
            StringComparer.Ordinal);
        CurrentKeyId = options.Value.CurrentKeyId;
    }

    public string CurrentKeyId { get; }

    public bool Has(string keyId) => keys.ContainsKey(keyId);

    /// <summary>A fresh random data key for the report with <paramref name="reference"/>, wrapped by the current key.</summary>
    public ReportKey NewReportKey(string reference)
    {
        var dataKey = RandomNumberGenerator.GetBytes(AesGcmBox.KeyBytes);
        return new ReportKey(dataKey, CurrentKeyId, Wrap(dataKey, CurrentKeyId, reference));
    }

    /// <summary>The data key of the report with <paramref name="reference"/>, unwrapped by the key it names.</summary>
    public ReportKey Open(string reference, string keyId, byte[] wrappedKey) =>
        new(Unwrap(reference, keyId, wrappedKey), keyId, wrappedKey);

    /// <summary>The same data key wrapped by the current key instead, for the re-wrap job.</summary>
    public ReportKey Rewrap(string reference, string keyId, byte[] wrappedKey)
    {
        var dataKey = Unwrap(reference, keyId, wrappedKey);
        return new ReportKey(dataKey, CurrentKeyId, Wrap(dataKey, CurrentKeyId, reference));
    }

    private byte[] Unwrap(string reference, string keyId, byte[] wrappedKey) =>
        keys.TryGetValue(keyId, out var kek)
            ? AesGcmBox.Open(kek, wrappedKey, Label(reference))
            : throw new CryptographicException($"A report's data key is wrapped by key '{keyId}', which is not configured in Encryption:Keys.");

    private byte[] Wrap(byte[] dataKey, string keyId, string reference) => AesGcmBox.Seal(keys[keyId], dataKey, Label(reference));

    // The reference binds a wrapped key to its report: moving a wrapped key and content to another row makes both unreadable.
    private static byte[] Label(string reference) => Encoding.UTF8.GetBytes("data-key:" + reference);
}
