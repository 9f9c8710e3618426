using ReportingPortal.Web.Captcha;

namespace ReportingPortal.UnitTests.Captcha;

public sealed class AltchaDifficultyTests
{
    private static readonly AltchaOptions Settings = new() { MaxNumber = 100_000, MaxNumberCeiling = 1_000_000, UsualReportsPerMinute = 10 };

    [TestCase(0, 100_000)]
    [TestCase(10, 100_000)]
    [TestCase(15, 150_000)]
    [TestCase(46, 460_000)]
    [TestCase(100, 1_000_000)]
    [TestCase(5_000, 1_000_000)]
    public void TheWorkGrowsInProportionToTheRecentRateOfReportsUpToTheCeiling(int reportsInTheLastMinute, int maxNumber) =>
        AltchaDifficulty.For(reportsInTheLastMinute, Settings).ShouldBe(maxNumber);

    [Test]
    public void AFixedSizeStaysFixed()
    {
        var fixedSize = new AltchaOptions { MaxNumber = 2000, MaxNumberCeiling = 2000, UsualReportsPerMinute = 1 };

        AltchaDifficulty.For(1_000, fixedSize).ShouldBe(2000);
    }
}
