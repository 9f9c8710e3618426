using Microsoft.Extensions.Options;

namespace ReportingPortal.UnitTests.Reports;

public sealed class ReceiptCodesTests
{
    private static ReceiptCodes Codes(string secret) =>
        new(Options.Create(new ReceiptOptions { SecretKey = secret }));

    private static readonly string SecretA = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
    private static readonly string SecretB = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    [Test]
    public void TheSameFormAlwaysGivesTheSameAccessCode()
    {
        var formKey = ReceiptCodes.NewFormKey();

        Codes(SecretA).AccessCodeFor(formKey).ShouldBe(Codes(SecretA).AccessCodeFor(formKey));
    }

    [Test]
    public void AccessCodesDependOnTheServerSecret()
    {
        var formKey = ReceiptCodes.NewFormKey();

        Codes(SecretA).AccessCodeFor(formKey).ShouldNotBe(Codes(SecretB).AccessCodeFor(formKey));
    }

    [Test]
    public void AccessCodesAreSixteenCharactersInGroupsOfFour()
    {
        var code = Codes(SecretA).AccessCodeFor(ReceiptCodes.NewFormKey());

        code.ShouldMatch("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$");
    }

    [Test]
    public void AccessCodesUseEveryCharacterOfTheAlphabetEvenly()
    {
        var codes = Codes(SecretA);
        var counts = Enumerable.Range(0, 2000)
            .SelectMany(_ => codes.AccessCodeFor(ReceiptCodes.NewFormKey()).Replace("-", ""))
            .GroupBy(character => character)
            .ToDictionary(group => group.Key, group => group.Count());

        counts.Count.ShouldBe(32);
        counts.Values.Min().ShouldBeGreaterThan(700, "32,000 characters over 32 symbols average 1,000 each");
    }

    [Test]
    public void ATypedCodeMatchesWhateverItsCaseSpacingOrLookAlikeLetters()
    {
        var codes = Codes(SecretA);

        codes.HashAccessCode("0123-4567-89AB-CDEF")
            .ShouldBe(codes.HashAccessCode(" o123 4567 89ab cdef"));
        codes.HashAccessCode("1111-0000-AAAA-BBBB")
            .ShouldBe(codes.HashAccessCode("iLl1-OoO0-aaaa-bbbb"));
    }

    [Test]
    public void ReferencesLookLikeRpAndTwoGroupsOfFour()
    {
        var references = Enumerable.Range(0, 100).Select(_ => ReceiptCodes.NewReference()).ToList();

        references.ShouldAllBe(reference => System.Text.RegularExpressions.Regex.IsMatch(reference, "^RP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$"));
        references.Distinct().Count().ShouldBe(100);
    }

    [TestCase("")]
    [TestCase("short")]
    [TestCase("not base64url!!not base64url!!not base64url")]
    public void OnlyWellFormedFormKeysAreAccepted(string candidate) =>
        ReceiptCodes.IsFormKey(candidate).ShouldBeFalse();

    [Test]
    public void NewFormKeysAreWellFormed() => ReceiptCodes.IsFormKey(ReceiptCodes.NewFormKey()).ShouldBeTrue();
}
