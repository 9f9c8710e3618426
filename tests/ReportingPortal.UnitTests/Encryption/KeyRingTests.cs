using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using ReportingPortal.Core.Encryption;
using ReportingPortal.Core.Reports;

namespace ReportingPortal.UnitTests.Encryption;

public sealed class KeyRingTests
{
    private static readonly string First = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string Second = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static KeyRing Ring(string current, params (string Id, string Key)[] keys)
    {
        var options = new EncryptionOptions { CurrentKeyId = current };
        foreach (var (id, key) in keys)
            options.Keys[id] = key;
        return new KeyRing(Options.Create(options));
    }

    private static readonly ReportContent Content = new(["https://social.example/u/1"], "Example Social", "stranger123", "Lyon",
        "He asks for photos.", "Sam", "sam@family.example");

    [Test]
    public void ContentSealedWithANewReportKeyOpensWithTheSameRing()
    {
        var ring = Ring("k1", ("k1", First));
        var key = ring.NewReportKey("RP-AAAA-BBBB");
        var box = key.Seal(Content, SealedPurpose.ReportContent);

        var opened = ring.Open("RP-AAAA-BBBB", key.KeyId, key.WrappedKey).Open<ReportContent>(box, SealedPurpose.ReportContent);

        opened.ShouldBeEquivalentTo(Content);
        key.KeyId.ShouldBe("k1");
        System.Text.Encoding.UTF8.GetString(box).ShouldNotContain("photos");
    }

    [Test]
    public void SealingTheSameTextTwiceGivesDifferentBytes()
    {
        var key = Ring("k1", ("k1", First)).NewReportKey("RP-AAAA-BBBB");

        key.Seal("the same note", SealedPurpose.CaseNote).ShouldNotBe(key.Seal("the same note", SealedPurpose.CaseNote));
    }

    [Test]
    public void ASealedValueDoesNotOpenAsAnotherPurposeOrAfterAChangedByte()
    {
        var key = Ring("k1", ("k1", First)).NewReportKey("RP-AAAA-BBBB");
        var note = key.Seal("an internal note", SealedPurpose.CaseNote);

        Should.Throw<CryptographicException>(() => key.OpenText(note, SealedPurpose.CaseMessage));
        note[^1] ^= 1;
        Should.Throw<AuthenticationTagMismatchException>(() => key.OpenText(note, SealedPurpose.CaseNote));
    }

    [Test]
    public void AWrappedKeyMovedToAnotherReportDoesNotOpen()
    {
        var ring = Ring("k1", ("k1", First));
        var key = ring.NewReportKey("RP-AAAA-BBBB");

        Should.Throw<CryptographicException>(() => ring.Open("RP-CCCC-DDDD", key.KeyId, key.WrappedKey));
    }

    [Test]
    public void AfterRotationOldKeysStillOpenAndRewrappedKeysOpenWithoutTheOldKey()
    {
        var before = Ring("k1", ("k1", First));
        var old = before.NewReportKey("RP-AAAA-BBBB");
        var box = old.Seal(Content, SealedPurpose.ReportContent);
        var both = Ring("k2", ("k1", First), ("k2", Second));

        both.Open("RP-AAAA-BBBB", "k1", old.WrappedKey).Open<ReportContent>(box, SealedPurpose.ReportContent).ShouldBeEquivalentTo(Content);
        both.NewReportKey("RP-EEEE-FFFF").KeyId.ShouldBe("k2");
        var moved = both.Rewrap("RP-AAAA-BBBB", "k1", old.WrappedKey);
        moved.KeyId.ShouldBe("k2");

        var after = Ring("k2", ("k2", Second));
        after.Open("RP-AAAA-BBBB", moved.KeyId, moved.WrappedKey).Open<ReportContent>(box, SealedPurpose.ReportContent).ShouldBeEquivalentTo(Content);
        Should.Throw<CryptographicException>(() => after.Open("RP-AAAA-BBBB", "k1", old.WrappedKey))
            .Message.ShouldContain("key 'k1', which is not configured");
    }
}
