using System.Text;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace ReportingPortal.Testing;

/// <summary>
/// An OpenPGP key pair as a responder's team would make one: an RSA signing primary key with an RSA encryption subkey.
/// The tests give the portal the armoured public key and read what it sent with the secret key, through BouncyCastle
/// directly rather than the portal's own code.
/// </summary>
public sealed class OpenPgpTestKey
{
    private static readonly char[] Passphrase = "test passphrase".ToCharArray();
    private readonly PgpSecretKeyRing _secret;

    private OpenPgpTestKey(PgpPublicKeyRing publicRing, PgpSecretKeyRing secret)
    {
        _secret = secret;
        using var buffer = new MemoryStream();
        using (var armoured = new ArmoredOutputStream(buffer))
            publicRing.Encode(armoured);
        PublicKeyArmoured = Encoding.ASCII.GetString(buffer.ToArray());
        PublicKeyBinary = publicRing.GetEncoded();
        EncryptionKeyId = publicRing.GetPublicKeys().Single(key => !key.IsMasterKey).KeyId;
    }

    public string PublicKeyArmoured { get; }

    public byte[] PublicKeyBinary { get; }

    public long EncryptionKeyId { get; }

    /// <summary>A key made at <paramref name="createdAt"/> (now by default) that expires after <paramref name="validFor"/>, or never.</summary>
    public static OpenPgpTestKey Generate(DateTime? createdAt = null, TimeSpan? validFor = null, string userId = "Responders <responders@example.org>")
    {
        var created = createdAt ?? DateTime.UtcNow.AddMinutes(-1);
        var random = new SecureRandom();
        var generator = new RsaKeyPairGenerator();
        generator.Init(new RsaKeyGenerationParameters(BigInteger.ValueOf(0x10001), random, 2048, 12));
        var primary = new PgpKeyPair(PublicKeyAlgorithmTag.RsaGeneral, generator.GenerateKeyPair(), created);
        var subkey = new PgpKeyPair(PublicKeyAlgorithmTag.RsaGeneral, generator.GenerateKeyPair(), created);

        var primaryPackets = new PgpSignatureSubpacketGenerator();
        primaryPackets.SetKeyFlags(false, PgpKeyFlags.CanCertify | PgpKeyFlags.CanSign);
        var subkeyPackets = new PgpSignatureSubpacketGenerator();
        subkeyPackets.SetKeyFlags(false, PgpKeyFlags.CanEncryptCommunications | PgpKeyFlags.CanEncryptStorage);
        if (validFor is { } lifetime)
        {
            primaryPackets.SetKeyExpirationTime(false, (long)lifetime.TotalSeconds);
            subkeyPackets.SetKeyExpirationTime(false, (long)lifetime.TotalSeconds);
        }
        var rings = new PgpKeyRingGenerator(PgpSignature.PositiveCertification, primary, userId, SymmetricKeyAlgorithmTag.Aes256,
            Passphrase, true, primaryPackets.Generate(), null, random);
        rings.AddSubKey(subkey, subkeyPackets.Generate(), null);
        return new OpenPgpTestKey(rings.GeneratePublicKeyRing(), rings.GenerateSecretKeyRing());
    }

    /// <summary>The body of a PGP/MIME message (RFC 3156) encrypted to this key, decrypted and integrity-checked.</summary>
    public MimeEntity Decrypt(MimeMessage message)
    {
        var encrypted = message.Body.ShouldBeOfType<MultipartEncrypted>()!;
        encrypted.ContentType.Parameters["protocol"].ShouldBe("application/pgp-encrypted");
        using var armoured = new MemoryStream();
        encrypted[1].ShouldBeOfType<MimePart>()!.Content!.DecodeTo(armoured);
        armoured.Position = 0;

        using var decoder = PgpUtilities.GetDecoderStream(armoured);
        var packets = new PgpObjectFactory(decoder);
        var first = packets.NextPgpObject();
        var list = first as PgpEncryptedDataList ?? (PgpEncryptedDataList)packets.NextPgpObject();
        var data = list.GetEncryptedDataObjects().OfType<PgpPublicKeyEncryptedData>().Single(d => d.KeyId == EncryptionKeyId);
        var privateKey = _secret.GetSecretKey(data.KeyId).ExtractPrivateKey(Passphrase);

        data.GetSymmetricAlgorithm(privateKey).ShouldBe(SymmetricKeyAlgorithmTag.Aes256);
        using var clear = data.GetDataStream(privateKey);
        var inner = new PgpObjectFactory(clear).NextPgpObject();
        if (inner is PgpCompressedData compressed)
            inner = new PgpObjectFactory(compressed.GetDataStream()).NextPgpObject();
        var content = new MemoryStream();
        using (var literal = ((PgpLiteralData)inner).GetInputStream())
            literal.CopyTo(content);
        data.IsIntegrityProtected().ShouldBeTrue();
        data.Verify().ShouldBeTrue("the message was changed on the way");
        content.Position = 0;
        return MimeEntity.Load(content);
    }
}
