using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ReportingPortal.Core.Encryption;

/// <summary>
/// One report's data key: it seals the report's content, its notes, messages and referral reasons. It is stored only
/// wrapped by a key-encryption key (<see cref="WrappedKey"/>); deleting the wrapped key makes all of them unreadable.
/// </summary>
public sealed class ReportKey
{
    private readonly byte[] key;

    internal ReportKey(byte[] key, string keyId, byte[] wrappedKey)
    {
        this.key = key;
        KeyId = keyId;
        WrappedKey = wrappedKey;
    }

    /// <summary>The id of the key-encryption key that wrapped it.</summary>
    public string KeyId { get; }

    /// <summary>The data key wrapped by <see cref="KeyId"/>, as stored in <c>reports.data_key</c>.</summary>
    public byte[] WrappedKey { get; }

    public byte[] Seal(string text, SealedPurpose purpose) => AesGcmBox.Seal(key, Encoding.UTF8.GetBytes(text), Label(purpose));

    public string OpenText(byte[] box, SealedPurpose purpose) => Encoding.UTF8.GetString(AesGcmBox.Open(key, box, Label(purpose)));

    public byte[] Seal<T>(T value, SealedPurpose purpose) => AesGcmBox.Seal(key, JsonSerializer.SerializeToUtf8Bytes(value), Label(purpose));

    public T Open<T>(byte[] box, SealedPurpose purpose) =>
        JsonSerializer.Deserialize<T>(AesGcmBox.Open(key, box, Label(purpose)))
        ?? throw new CryptographicException("A sealed value holds nothing.");

    private static byte[] Label(SealedPurpose purpose) => Encoding.ASCII.GetBytes(purpose.ToString());
}
