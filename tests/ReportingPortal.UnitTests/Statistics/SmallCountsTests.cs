using System.Globalization;
using ReportingPortal.Core.Statistics;

namespace ReportingPortal.UnitTests.Statistics;

public sealed class SmallCountsTests
{
    private const string FewerThanTen = "fewer than 10";
    private const string None = "–";

    private static string Hours(double seconds) => (seconds / 3600).ToString("0.0", CultureInfo.InvariantCulture);

    [TestCase(1)]
    [TestCase(5)]
    [TestCase(9)]
    public void ACountFromOneToNineIsShownAsFewerThanTen(long count) =>
        SmallCounts.Show(count, FewerThanTen).ShouldBe(FewerThanTen);

    [TestCase(0, "0")]
    [TestCase(10, "10")]
    [TestCase(11, "11")]
    [TestCase(123456, "123456")]
    public void ZeroAndCountsOfTenOrMoreAreShownAsTheyAre(long count, string shown) =>
        SmallCounts.Show(count, FewerThanTen).ShouldBe(shown);

    [TestCase(0, false)]
    [TestCase(1, true)]
    [TestCase(9, true)]
    [TestCase(10, false)]
    public void OnlyCountsFromOneToNineAreHidden(long count, bool hidden) => SmallCounts.Hides(count).ShouldBe(hidden);

    [Test]
    public void AFigureFromNineCasesIsHidden() =>
        SmallCounts.ShowFigure(9, 7200, Hours, FewerThanTen, None).ShouldBe(FewerThanTen);

    [Test]
    public void AFigureFromTenCasesIsShown() =>
        SmallCounts.ShowFigure(10, 7200, Hours, FewerThanTen, None).ShouldBe("2.0");

    [Test]
    public void AFigureFromNoCaseIsShownAsNone()
    {
        SmallCounts.ShowFigure(0, null, Hours, FewerThanTen, None).ShouldBe(None);
        SmallCounts.ShowFigure(12, null, Hours, FewerThanTen, None).ShouldBe(None);
    }
}
