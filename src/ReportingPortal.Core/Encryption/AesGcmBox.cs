using System.Security.Cryptography;

namespace ReportingPortal.Core.Encryption;

/// <summary>
/// AES-256-GCM with a random 96-bit nonce: <c>version (1) | nonce (12) | tag (16) | ciphertext</c>. The associated data
/// binds a box to what it is (a report's content, a note, a wrapped key), so one cannot be passed off as another.
/// </summary>
public static class AesGcmBox
{
    public const int KeyBytes = 32;
    private const byte Version = 1;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const int HeaderBytes = 1 + NonceBytes + TagBytes;

    public static byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var box = new byte[HeaderBytes + plaintext.Length];
        box[0] = Version;
        var nonce = box.AsSpan(1, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plaintext, box.AsSpan(HeaderBytes), box.AsSpan(1 + NonceBytes, TagBytes), associatedData);
        return box;
    }

    /// <summary>The plaintext; throws <see cref="CryptographicException"/> when the box was changed or the key is wrong.</summary>
    public static byte[] Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> box, ReadOnlySpan<byte> associatedData)
    {
        if (box.Length < HeaderBytes || box[0] != Version)
            throw new CryptographicException("The sealed value has an unknown format.");
        var plaintext = new byte[box.Length - HeaderBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(box.Slice(1, NonceBytes), box[HeaderBytes..], box.Slice(1 + NonceBytes, TagBytes), plaintext, associatedData);
        return plaintext;
    }
}
