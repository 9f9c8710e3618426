using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Bcpg.OpenPgp;

namespace ReportingPortal.Core.Forwarding;

/// <summary>
/// An OpenPGP context without a keyring: the portal only encrypts, to the key it was given, so it never looks a key up,
/// imports, exports, signs or decrypts.
/// </summary>
internal sealed class PublicKeyOpenPgpContext : OpenPgpContext
{
    // For a key that states no preferred ciphers; MimeKit's own default is CAST5.
    public PublicKeyOpenPgpContext() => DefaultEncryptionAlgorithm = EncryptionAlgorithm.Aes256;

    public override bool CanEncrypt(MailboxAddress mailbox, CancellationToken cancellationToken = default) => false;

    public override bool CanSign(MailboxAddress signer, CancellationToken cancellationToken = default) => false;

    protected override PgpPublicKeyRing GetPublicKeyRing(long keyId, CancellationToken cancellationToken) => throw Unsupported();

    protected override Task<PgpPublicKeyRing?> GetPublicKeyRingAsync(long keyId, CancellationToken cancellationToken) => throw Unsupported();

    public override IList<PgpPublicKey> GetPublicKeys(IEnumerable<MailboxAddress> mailboxes, CancellationToken cancellationToken = default) => throw Unsupported();

    protected override PgpSecretKey GetSecretKey(long keyId, CancellationToken cancellationToken) => throw Unsupported();

    public override PgpSecretKey GetSigningKey(MailboxAddress mailbox, CancellationToken cancellationToken = default) => throw Unsupported();

    protected override string GetPasswordForKey(PgpSecretKey key) => throw Unsupported();

    public override void Import(PgpPublicKeyRing keyring, CancellationToken cancellationToken = default) => throw Unsupported();

    public override void Import(PgpPublicKeyRingBundle bundle, CancellationToken cancellationToken = default) => throw Unsupported();

    public override void Import(PgpSecretKeyRing keyring, CancellationToken cancellationToken = default) => throw Unsupported();

    public override void Import(PgpSecretKeyRingBundle bundle, CancellationToken cancellationToken = default) => throw Unsupported();

    public override MimePart Export(IEnumerable<MailboxAddress> mailboxes, CancellationToken cancellationToken = default) => throw Unsupported();

    public override Task<MimePart> ExportAsync(IEnumerable<MailboxAddress> mailboxes, CancellationToken cancellationToken = default) => throw Unsupported();

    public override void Export(IEnumerable<MailboxAddress> mailboxes, Stream stream, bool armor, CancellationToken cancellationToken = default) => throw Unsupported();

    public override Task ExportAsync(IEnumerable<MailboxAddress> mailboxes, Stream stream, bool armor, CancellationToken cancellationToken = default) => throw Unsupported();

    private static NotSupportedException Unsupported() => new("The portal's OpenPGP context only encrypts to a key it is given.");
}
