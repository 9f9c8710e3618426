using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using ReportingPortal.Core.Encryption;
using ReportingPortal.Core.Linking;

namespace ReportingPortal.UnitTests.Linking;

public sealed class LinkFingerprintsTests
{
    private static readonly string OldKey = NewKey();
    private static readonly string NewerKey = NewKey();

    [Test]
    public void EqualLinksWrittenDifferentlyHaveTheSameFingerprint()
    {
        var fingerprints = With(("k1", OldKey));

        fingerprints.Of(["https://www.Social.example/p/1/?utm_source=x"]).ShouldBe(fingerprints.Of(["social.example/p/1"]));
        fingerprints.Of(["https://social.example/p/1"]).ShouldNotBe(fingerprints.Of(["https://social.example/p/2"]));
    }

    [Test]
    public void AFingerprintDependsOnTheKeySoADumpCannotBeCheckedAgainstAGuessedLink() =>
        With(("k1", OldKey)).Of(["https://social.example/p/1"]).ShouldNotBe(With(("k1", NewerKey)).Of(["https://social.example/p/1"]));

    [Test]
    public void WhileANewKeyIsAddedReportsMadeBeforeAndAfterShareAFingerprint()
    {
        var before = With(("k1", OldKey)).Of(["https://social.example/p/1"])!;
        var during = With(("k1", OldKey), ("k2", NewerKey)).Of(["https://social.example/p/1"])!;
        var after = With(("k2", NewerKey)).Of(["https://social.example/p/1"])!;

        during.Length.ShouldBe(2);
        during.ShouldContain(fingerprint => before.Any(other => other.SequenceEqual(fingerprint)));
        during.ShouldContain(fingerprint => after.Any(other => other.SequenceEqual(fingerprint)));
        after.ShouldNotContain(fingerprint => before.Any(other => other.SequenceEqual(fingerprint)), "the limit the README states");
    }

    [Test]
    public void AFingerprintKeyKeepsFingerprintsWhenTheEncryptionKeysChange()
    {
        var fingerprintKey = NewKey();

        With(fingerprintKey, ("k1", OldKey)).Of(["https://social.example/p/1"])
            .ShouldBe(With(fingerprintKey, ("k2", NewerKey)).Of(["https://social.example/p/1"]));
    }

    [Test]
    public void AReportWithoutWebAddressesHasNoFingerprints() =>
        With(("k1", OldKey)).Of(["not a link", "mailto:someone@example.com"]).ShouldBeNull();

    private static LinkFingerprints With(params (string Id, string Key)[] keys) => With(null, keys);

    private static LinkFingerprints With(string? fingerprintKey, params (string Id, string Key)[] keys)
    {
        var encryption = new EncryptionOptions { CurrentKeyId = keys[^1].Id };
        foreach (var (id, key) in keys)
            encryption.Keys[id] = key;
        return new LinkFingerprints(Options.Create(new LinkingOptions { FingerprintKey = fingerprintKey }), Options.Create(encryption));
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
