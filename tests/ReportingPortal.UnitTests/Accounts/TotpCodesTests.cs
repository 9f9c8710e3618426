using ReportingPortal.Core.Accounts;

namespace ReportingPortal.UnitTests.Accounts;

public sealed class TotpCodesTests
{
    // RFC 6238, appendix B: the SHA-1 key and the code at 59 s (eight digits there; six here are its last six).
    private static readonly byte[] RfcKey = "12345678901234567890"u8.ToArray();
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_111_111_109);

    [Test]
    public void TheCodeIsTheOneRfc6238Gives() => TotpCodes.CodeFor(RfcKey, 59 / 30).ShouldBe("287082");

    [TestCase(-1)]
    [TestCase(0)]
    [TestCase(1)]
    public void ACodeOfTheStepBeforeNowOrAfterIsAccepted(int offset)
    {
        var step = TotpCodes.StepAt(Now) + offset;

        TotpCodes.Verify(RfcKey, TotpCodes.CodeFor(RfcKey, step), Now, lastStep: null).ShouldBe(step);
    }

    [TestCase(-2)]
    [TestCase(2)]
    public void ACodeTwoStepsAwayIsRefused(int offset) =>
        TotpCodes.Verify(RfcKey, TotpCodes.CodeFor(RfcKey, TotpCodes.StepAt(Now) + offset), Now, lastStep: null).ShouldBeNull();

    [Test]
    public void ACodeOfTheLastUsedStepIsRefused()
    {
        var step = TotpCodes.StepAt(Now);

        TotpCodes.Verify(RfcKey, TotpCodes.CodeFor(RfcKey, step), Now, lastStep: step).ShouldBeNull();
    }

    [Test]
    public void ACodeOfAnEarlierStepThanTheLastUsedIsRefused() =>
        TotpCodes.Verify(RfcKey, TotpCodes.CodeFor(RfcKey, TotpCodes.StepAt(Now) - 1), Now, lastStep: TotpCodes.StepAt(Now)).ShouldBeNull();

    [Test]
    public void ACodeOfALaterStepThanTheLastUsedIsAccepted()
    {
        var step = TotpCodes.StepAt(Now) + 1;

        TotpCodes.Verify(RfcKey, TotpCodes.CodeFor(RfcKey, step), Now, lastStep: TotpCodes.StepAt(Now)).ShouldBe(step);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("12345")]
    [TestCase("1234567")]
    [TestCase("abcdef")]
    public void SomethingThatIsNotSixDigitsIsNoCode(string? code)
    {
        TotpCodes.LooksLikeACode(code).ShouldBeFalse();
        TotpCodes.Verify(RfcKey, code, Now, lastStep: null).ShouldBeNull();
    }

    [Test]
    public void SpacesInACodeDoNotMatter()
    {
        var code = TotpCodes.CodeFor(RfcKey, TotpCodes.StepAt(Now));

        TotpCodes.Verify(RfcKey, code[..3] + " " + code[3..], Now, lastStep: null).ShouldBe(TotpCodes.StepAt(Now));
    }
}
