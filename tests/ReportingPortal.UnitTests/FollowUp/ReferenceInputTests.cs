using ReportingPortal.Core.FollowUp;

namespace ReportingPortal.UnitTests.FollowUp;

public sealed class ReferenceInputTests
{
    [TestCase("RP-7K4M-9QX2", "RP-7K4M-9QX2")]
    [TestCase("rp-7k4m-9qx2", "RP-7K4M-9QX2")]
    [TestCase("RP 7K4M 9QX2", "RP-7K4M-9QX2")]
    [TestCase("  RP-7K4M-9QX2  ", "RP-7K4M-9QX2")]
    [TestCase("7K4M-9QX2", "RP-7K4M-9QX2")]
    [TestCase("7k4m9qx2", "RP-7K4M-9QX2")]
    [TestCase("RP7K4M9QX2", "RP-7K4M-9QX2")]
    [TestCase("rp.7k4m.9qx2", "RP-7K4M-9QX2")]
    [TestCase("RP_7K4M_9QX2", "RP-7K4M-9QX2")]
    [TestCase("RP–7K4M–9QX2", "RP-7K4M-9QX2")] // en dashes, as a phone's keyboard may put them
    [TestCase("RP-O0O0-1111", "RP-0000-1111")]
    [TestCase("RP-IL1i-lLoO", "RP-1111-1100")]
    [TestCase("r p - 7 k 4 m - 9 q x 2", "RP-7K4M-9QX2")]
    [TestCase("RP-RPRP-RPRP", "RP-RPRP-RPRP")]
    [TestCase("RPRP-RPRP", "RP-RPRP-RPRP")]
    public void ForgivingInputGivesTheStoredReference(string typed, string expected) =>
        ReferenceInput.Normalise(typed).ShouldBe(expected);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("RP-7K4M-9QX")]
    [TestCase("RP-7K4M-9QX23")]
    [TestCase("RP-7K4M-9QU2")] // U is not in the alphabet
    [TestCase("RP-7K4M-9Q!2X")]
    [TestCase("XX-7K4M-9QX2")]
    [TestCase("RP-7K4M-9QÉ2")]
    [TestCase("RP-7K4M-9QX2-7K4M-9QX2")]
    [TestCase("<script>alert(1)</script>")]
    public void InputThatCannotBeAReferenceGivesNull(string? typed) =>
        ReferenceInput.Normalise(typed).ShouldBeNull();

    [Test]
    public void VeryLongInputIsNotAReference() =>
        ReferenceInput.Normalise(new string(' ', 10_000) + "RP-7K4M-9QX2").ShouldBeNull();

    [TestCase("ABCD-EFGH-JKMN-PQRS", "ABCDEFGHJKMNPQRS", true)]
    [TestCase("abcd efgh jkmn pqrs", "ABCDEFGHJKMNPQRS", true)]
    [TestCase("abcdefghjkmnpqrs", "ABCDEFGHJKMNPQRS", true)]
    [TestCase("O0O0-IiLl-1111-2222", "0000111111112222", true)]
    [TestCase("  0000-1111-2222-3333 ", "0000111122223333", true)]
    [TestCase("0000-1111-2222-333", "000011112222333", false)]
    [TestCase("0000-1111-2222-33333", "00001111222233333", false)]
    [TestCase("0000-1111-2222-333U", "000011112222333U", false)]
    [TestCase("0000-1111-2222-333!", "000011112222333!", false)]
    [TestCase("", "", false)]
    public void AccessCodesAreReadForgivinglyAndCheckedForShape(string typed, string normalised, bool isAccessCode)
    {
        ReceiptCodes.NormaliseAccessCode(typed).ShouldBe(normalised);
        ReceiptCodes.IsAccessCode(typed).ShouldBe(isAccessCode);
    }

    [Test]
    public void AnAccessCodeTypedForgivinglyHashesAsTheCodeShown()
    {
        var codes = new ReceiptCodes(Microsoft.Extensions.Options.Options.Create(
            new ReceiptOptions { SecretKey = Convert.ToBase64String(new byte[32]) }));
        var shown = codes.AccessCodeFor(ReceiptCodes.NewFormKey());

        codes.HashAccessCode(shown.ToLowerInvariant().Replace('-', ' ').Replace('0', 'o').Replace('1', 'l'))
            .ShouldBe(codes.HashAccessCode(shown));
    }
}
