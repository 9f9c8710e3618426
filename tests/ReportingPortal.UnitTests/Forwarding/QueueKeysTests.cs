using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Org.BouncyCastle.Asn1.X509;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Forwarding;
using ReportingPortal.Testing;

namespace ReportingPortal.UnitTests.Forwarding;

/// <summary>Loading and checking the queues' OpenPGP keys and S/MIME certificates, and encrypting mail to them.</summary>
public sealed class QueueKeysTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private OpenPgpTestKey _openPgp = null!;
    private SmimeTestCertificate _smime = null!;
    private string _folder = null!;

    [OneTimeSetUp]
    public void MakeKeys()
    {
        _openPgp = OpenPgpTestKey.Generate(Now.UtcDateTime.AddDays(-10), TimeSpan.FromDays(40));
        _smime = SmimeTestCertificate.Generate(Now.UtcDateTime.AddDays(-10), Now.UtcDateTime.AddDays(30));
        _folder = Directory.CreateTempSubdirectory("rp-queue-keys-").FullName;
    }

    [OneTimeTearDown]
    public void RemoveFiles() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void AnArmouredOpenPgpKeyIsLoadedWithWhenItExpires()
    {
        var key = QueueKey.Load(Queue(openPgp: _openPgp.PublicKeyArmoured), 0).ShouldBeOfType<OpenPgpQueueKey>();

        key.KeyId.ShouldBe(_openPgp.EncryptionKeyId.ToString("X16"));
        key.ExpiresAt.ShouldBe(new DateTimeOffset(Now.UtcDateTime.AddDays(30)));
        key.Unusable(Now).ShouldBeNull();
    }

    [Test]
    public void AnOpenPgpKeyFileIsLoadedArmouredOrBinary()
    {
        QueueKey.Load(Queue(openPgpFile: WriteFile("queue.asc", Encoding.ASCII.GetBytes(_openPgp.PublicKeyArmoured))), 0)
            .ShouldBeOfType<OpenPgpQueueKey>();
        QueueKey.Load(Queue(openPgpFile: WriteFile("queue.gpg", _openPgp.PublicKeyBinary)), 0)
            .ShouldBeOfType<OpenPgpQueueKey>();
    }

    [Test]
    public void AnSmimeCertificateIsLoadedFromPemTextOrAPemOrDerFileWithItsValidity()
    {
        foreach (var queue in new[]
                 {
                     Queue(smime: _smime.Pem),
                     Queue(smimeFile: WriteFile("queue.pem", Encoding.ASCII.GetBytes(_smime.Pem))),
                     Queue(smimeFile: WriteFile("queue.cer", _smime.Der)),
                 })
        {
            var key = QueueKey.Load(queue, 0).ShouldBeOfType<SmimeQueueKey>();
            key.ValidFrom.ShouldBe(new DateTimeOffset(Now.UtcDateTime.AddDays(-10)));
            key.ExpiresAt.ShouldBe(new DateTimeOffset(Now.UtcDateTime.AddDays(30)));
        }
    }

    [Test]
    public void AQueueWithoutAKeyHasNone() => QueueKey.Load(Queue(), 0).ShouldBeNull();

    [TestCase("OpenPgpPublicKey", "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nnot a key\n-----END PGP PUBLIC KEY BLOCK-----\n", "is not an OpenPGP public key")]
    [TestCase("OpenPgpPublicKey", "just some words", "OpenPGP")]
    [TestCase("SmimeCertificate", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "is not an X.509 certificate")]
    [TestCase("SmimeCertificate", "just some words", "certificate")]
    public void AKeyThatCannotBeParsedStopsStartUpNamingTheQueueAndTheKey(string setting, string value, string expected)
    {
        var queue = setting == "OpenPgpPublicKey" ? Queue(openPgp: value) : Queue(smime: value);

        var failure = Validate(queue);

        failure.ShouldContain($"Forwarding:Queues:0:{setting} of queue 'hotline'");
        failure.ShouldContain(expected);
    }

    [Test]
    public void AKeyFileThatCannotBeReadStopsStartUpNamingTheFile()
    {
        var missing = Path.Combine(_folder, "no-such-key.asc");

        Validate(Queue(openPgpFile: missing))
            .ShouldContain($"Forwarding:Queues:0:OpenPgpPublicKeyFile of queue 'hotline': the file '{missing}' cannot be read");
    }

    [Test]
    public void AQueueGivenBothAKeyAndACertificateOrAKeyTwiceIsRefused()
    {
        Validate(Queue(openPgp: _openPgp.PublicKeyArmoured, smime: _smime.Pem))
            .ShouldContain("has both an OpenPGP key and an S/MIME certificate");
        Validate(Queue(smime: _smime.Pem, smimeFile: WriteFile("twice.pem", Encoding.ASCII.GetBytes(_smime.Pem))))
            .ShouldContain("Forwarding:Queues:0:SmimeCertificate and Forwarding:Queues:0:SmimeCertificateFile are both set");
    }

    [Test]
    public void ACertificateWhoseKeyUsageForbidsEncryptionIsRefused()
    {
        var signingOnly = SmimeTestCertificate.Generate(keyUsage: KeyUsage.DigitalSignature);

        Validate(Queue(smime: signingOnly.Pem)).ShouldContain("key usage does not allow encryption");
    }

    [Test]
    public void AQueueThatRequiresEncryptionWithoutAKeyIsRefused()
    {
        var queue = Queue();
        queue.EncryptionRequired = true;

        Validate(queue).ShouldContain("Forwarding:Queues:0:EncryptionRequired is true for queue 'hotline', but it has no OpenPgpPublicKey");
    }

    [Test]
    public void AnExpiredKeyStopsStartUpOnlyWhenTheQueueRequiresEncryption()
    {
        var expired = OpenPgpTestKey.Generate(Now.UtcDateTime.AddDays(-10), TimeSpan.FromDays(1));
        var queue = Queue(openPgp: expired.PublicKeyArmoured);

        Validate(queue).ShouldBeEmpty();
        queue.EncryptionRequired = true;
        Validate(queue).ShouldContain("EncryptionRequired is true for queue 'hotline', but the queue's OpenPGP key expired on 2026-11-15 12:00 UTC");
    }

    [Test]
    public void ACertificateNotYetValidStopsStartUpWhenTheQueueRequiresEncryption()
    {
        var future = SmimeTestCertificate.Generate(Now.UtcDateTime.AddDays(2), Now.UtcDateTime.AddDays(400));
        var queue = Queue(smime: future.Pem);
        queue.EncryptionRequired = true;

        Validate(queue).ShouldContain("the queue's S/MIME certificate is not valid before 2026-11-26 12:00 UTC");
    }

    [Test]
    public void MailToAQueueWithAnOpenPgpKeyIsEncryptedToItAndKeepsItsHeaders()
    {
        var encryption = Encryption(new FakeTimeProvider(Now), Queue(openPgp: _openPgp.PublicKeyArmoured));
        var message = Forward();
        var plainText = ((TextPart)((Multipart)message.Body!)[0]).Text;

        encryption.Encrypt(message, "hotline", "reports@hotline.example", CancellationToken.None).ShouldBeNull();

        message.Subject.ShouldBe("[HIGH] Report RP-TEST-0001");
        message.MessageId.ShouldBe("rp-test-0001.forward.abc@portal.example");
        message.ToString().ShouldNotContain("He asked for photos");
        var decrypted = _openPgp.Decrypt(message).ShouldBeOfType<MultipartAlternative>();
        ((TextPart)decrypted[0]).Text.ShouldBe(plainText);
    }

    [Test]
    public void MailToAQueueWithAnSmimeCertificateIsEncryptedToIt()
    {
        var encryption = Encryption(new FakeTimeProvider(Now), Queue(smime: _smime.Pem));
        var message = Forward();

        encryption.Encrypt(message, "hotline", "reports@hotline.example", CancellationToken.None).ShouldBeNull();

        message.ToString().ShouldNotContain("He asked for photos");
        ((TextPart)_smime.Decrypt(message).ShouldBeOfType<MultipartAlternative>()[0]).Text.ShouldContain("He asked for photos");
    }

    [Test]
    public void MailToAnAddressOfAQueueWithAKeyIsEncryptedWhateverQueueItIsFor()
    {
        var encryption = Encryption(new FakeTimeProvider(Now), Queue(openPgp: _openPgp.PublicKeyArmoured));
        var reminder = Forward();

        encryption.Encrypt(reminder, null, "REPORTS@hotline.example", CancellationToken.None).ShouldBeNull();

        reminder.Body.ShouldBeOfType<MimeKit.Cryptography.MultipartEncrypted>();
    }

    [Test]
    public void MailToAnAddressOfNoQueueWithAKeyIsLeftAsItIs()
    {
        var encryption = Encryption(new FakeTimeProvider(Now), Queue(openPgp: _openPgp.PublicKeyArmoured), new ForwardingQueue
        {
            Name = "child-welfare", Addresses = ["duty@childwelfare.example"],
        });
        var message = Forward();
        var body = message.Body;

        encryption.Encrypt(message, "child-welfare", "duty@childwelfare.example", CancellationToken.None).ShouldBeNull();
        encryption.Encrypt(message, null, "owner@responders.example", CancellationToken.None).ShouldBeNull();

        message.Body.ShouldBeSameAs(body);
    }

    [Test]
    public void AKeyThatExpiresWhileThePortalRunsFailsTheMailForGoodAndLeavesItUnsent()
    {
        var time = new FakeTimeProvider(Now);
        var encryption = Encryption(time, Queue(openPgp: _openPgp.PublicKeyArmoured));
        encryption.Encrypt(Forward(), "hotline", "reports@hotline.example", CancellationToken.None).ShouldBeNull();

        time.Advance(TimeSpan.FromDays(31));
        var message = Forward();
        var body = message.Body;
        var failure = encryption.Encrypt(message, "hotline", "reports@hotline.example", CancellationToken.None);

        failure.ShouldBe(new DeliveryFailure(true, "the queue's OpenPGP key expired on 2026-12-24 12:00 UTC; not sent in plain text"));
        message.Body.ShouldBeSameAs(body);
    }

    private static ForwardingQueue Queue(string? openPgp = null, string? openPgpFile = null, string? smime = null, string? smimeFile = null) => new()
    {
        Name = "hotline",
        Addresses = ["reports@hotline.example"],
        OpenPgpPublicKey = openPgp,
        OpenPgpPublicKeyFile = openPgpFile,
        SmimeCertificate = smime,
        SmimeCertificateFile = smimeFile,
    };

    private static string Validate(ForwardingQueue queue)
    {
        var result = new ForwardingOptionsValidator(new FakeTimeProvider(Now)).Validate(null, new ForwardingOptions
        {
            Queues = [queue],
            DefaultQueue = queue.Name,
        });
        return result.Failed ? result.FailureMessage : "";
    }

    private static ForwardEncryption Encryption(TimeProvider time, params ForwardingQueue[] queues) =>
        new(Options.Create(new ForwardingOptions { Queues = [.. queues], DefaultQueue = queues[0].Name }), time,
            NullLogger<ForwardEncryption>.Instance);

    private static MimeMessage Forward()
    {
        var message = new MimeMessage
        {
            Subject = "[HIGH] Report RP-TEST-0001",
            MessageId = "rp-test-0001.forward.abc@portal.example",
            Body = new BodyBuilder { TextBody = "Description: He asked for photos.\n", HtmlBody = "<p>He asked for photos.</p>" }.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress("Portal", "no-reply@portal.example"));
        message.To.Add(new MailboxAddress("Hotline", "reports@hotline.example"));
        return message;
    }

    private string WriteFile(string name, byte[] content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
