using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.X509;

namespace ReportingPortal.Core.Forwarding;

/// <summary>A queue's S/MIME certificate: mail to the queue is sent as application/pkcs7-mime enveloped data (RFC 8551).</summary>
public sealed class SmimeQueueKey : QueueKey
{
    private readonly X509Certificate _certificate;

    private SmimeQueueKey(X509Certificate certificate)
        : base(Utc(certificate.NotBefore), Utc(certificate.NotAfter)) =>
        _certificate = certificate;

    public override string Kind => "S/MIME certificate";

    /// <summary>One X.509 certificate, PEM or DER; in a PEM file with a chain, the first.</summary>
    public static SmimeQueueKey Parse(byte[] data)
    {
        var certificate = new X509CertificateParser().ReadCertificate(data)
                          ?? throw new FormatException("No certificate.");
        // Key usage bits 2 and 4: key encipherment (RSA) and key agreement (elliptic curves).
        if (certificate.GetKeyUsage() is { } usage && !usage[2] && !usage[4])
            throw new QueueKeyException("the certificate's key usage does not allow encryption.");
        return new SmimeQueueKey(certificate);
    }

    public override MimeEntity Encrypt(MimeEntity body, CancellationToken cancellationToken)
    {
        using var context = new TemporarySecureMimeContext();
        // Without this, MimeKit falls back to Triple-DES for a certificate that does not list its capabilities.
        var recipient = new CmsRecipient(_certificate) { EncryptionAlgorithms = [EncryptionAlgorithm.Aes256, EncryptionAlgorithm.Aes128] };
        return ApplicationPkcs7Mime.Encrypt(context, new CmsRecipientCollection { recipient }, body, cancellationToken);
    }

    private static DateTimeOffset Utc(DateTime at) =>
        new(at.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : at.ToUniversalTime());
}
