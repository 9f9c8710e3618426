using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace ReportingPortal.Testing;

/// <summary>
/// A self-signed S/MIME certificate and its private key, as a responder's team would have. The tests give the portal the
/// certificate and read what it sent with the private key, through BouncyCastle's CMS directly.
/// </summary>
public sealed class SmimeTestCertificate
{
    private readonly AsymmetricKeyParameter _privateKey;

    private SmimeTestCertificate(X509Certificate certificate, AsymmetricKeyParameter privateKey)
    {
        Certificate = certificate;
        _privateKey = privateKey;
        using var text = new StringWriter();
        new PemWriter(text).WriteObject(certificate);
        Pem = text.ToString();
    }

    public X509Certificate Certificate { get; }

    public string Pem { get; }

    public byte[] Der => Certificate.GetEncoded();

    /// <summary>A certificate valid from <paramref name="notBefore"/> to <paramref name="notAfter"/> (a day ago to a year on by default).</summary>
    public static SmimeTestCertificate Generate(DateTime? notBefore = null, DateTime? notAfter = null, int keyUsage = KeyUsage.KeyEncipherment | KeyUsage.DigitalSignature)
    {
        var random = new SecureRandom();
        var generator = new RsaKeyPairGenerator();
        generator.Init(new RsaKeyGenerationParameters(BigInteger.ValueOf(0x10001), random, 2048, 12));
        var keys = generator.GenerateKeyPair();
        var name = new X509Name("CN=Responders,E=responders@example.org");
        var certificate = new X509V3CertificateGenerator();
        certificate.SetSerialNumber(BigInteger.ProbablePrime(64, random));
        certificate.SetIssuerDN(name);
        certificate.SetSubjectDN(name);
        certificate.SetNotBefore(notBefore ?? DateTime.UtcNow.AddDays(-1));
        certificate.SetNotAfter(notAfter ?? DateTime.UtcNow.AddYears(1));
        certificate.SetPublicKey(keys.Public);
        certificate.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(keyUsage));
        return new SmimeTestCertificate(certificate.Generate(new Asn1SignatureFactory("SHA256WithRSA", keys.Private, random)), keys.Private);
    }

    /// <summary>The body of an S/MIME enveloped message encrypted to this certificate, decrypted.</summary>
    public MimeEntity Decrypt(MimeMessage message)
    {
        var pkcs7 = message.Body.ShouldBeOfType<ApplicationPkcs7Mime>()!;
        pkcs7.SecureMimeType.ShouldBe(SecureMimeType.EnvelopedData);
        using var encrypted = new MemoryStream();
        pkcs7.Content!.DecodeTo(encrypted);
        var envelope = new CmsEnvelopedData(encrypted.ToArray());
        envelope.EncryptionAlgOid.ShouldBe(NistObjectIdentifiers.IdAes256Cbc.Id, "encrypted with AES-256");
        var recipient = envelope.GetRecipientInfos().GetRecipients().Single();
        recipient.RecipientID.SerialNumber.ShouldBe(Certificate.SerialNumber);
        return MimeEntity.Load(new MemoryStream(recipient.GetContent(_privateKey)));
    }
}
