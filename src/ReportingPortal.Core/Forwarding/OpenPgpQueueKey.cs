using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Bcpg.OpenPgp;

namespace ReportingPortal.Core.Forwarding;

/// <summary>A queue's OpenPGP public key: mail to the queue is sent as PGP/MIME (RFC 3156) encrypted to its encryption key.</summary>
public sealed class OpenPgpQueueKey : QueueKey
{
    private readonly PgpPublicKey _encryptionKey;

    private OpenPgpQueueKey(PgpPublicKey encryptionKey, DateTimeOffset? expiresAt) : base(null, expiresAt) =>
        _encryptionKey = encryptionKey;

    public override string Kind => "OpenPGP key";

    /// <summary>The id of the (sub)key mail is encrypted to, as gpg shows it in long form.</summary>
    public string KeyId => _encryptionKey.KeyId.ToString("X16", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One public key (a key ring: the primary key and its subkeys), ASCII-armoured or binary.</summary>
    public static OpenPgpQueueKey Parse(byte[] data)
    {
        using var input = PgpUtilities.GetDecoderStream(new MemoryStream(data));
        var rings = new PgpPublicKeyRingBundle(input).GetKeyRings().ToList();
        if (rings.Count == 0)
            throw new FormatException("No OpenPGP public key.");
        if (rings.Count > 1)
            throw new QueueKeyException($"it holds {rings.Count} keys; give the queue exactly one.");
        var primary = rings[0].GetPublicKey();
        if (primary.HasRevocation())
            throw new QueueKeyException("the key is revoked.");
        var usable = rings[0].GetPublicKeys().Where(key => key.IsEncryptionKey && !key.HasRevocation()).ToList();
        // The newest encryption subkey, as gpg chooses; the primary key only when it has no subkey for encryption.
        var encryptionKey = usable.Where(key => !key.IsMasterKey).OrderByDescending(key => key.CreationTime).FirstOrDefault()
                            ?? usable.FirstOrDefault(key => key.IsMasterKey)
                            ?? throw new QueueKeyException("the key has no (sub)key that can encrypt.");
        // A subkey is no longer valid once its primary key expired.
        var expiresAt = new[] { ExpiryOf(primary), ExpiryOf(encryptionKey) }.OfType<DateTimeOffset>().Order().Cast<DateTimeOffset?>().FirstOrDefault();
        return new OpenPgpQueueKey(encryptionKey, expiresAt);
    }

    public override MimeEntity Encrypt(MimeEntity body, CancellationToken cancellationToken)
    {
        using var context = new PublicKeyOpenPgpContext();
        return MultipartEncrypted.Encrypt(context, [_encryptionKey], body, cancellationToken);
    }

    private static DateTimeOffset? ExpiryOf(PgpPublicKey key)
    {
        var seconds = key.GetValidSeconds();
        return seconds <= 0 ? null : new DateTimeOffset(DateTime.SpecifyKind(key.CreationTime, DateTimeKind.Utc)).AddSeconds(seconds);
    }
}
