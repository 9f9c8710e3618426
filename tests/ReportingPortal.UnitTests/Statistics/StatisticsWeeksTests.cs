using ReportingPortal.Core.Statistics;

namespace ReportingPortal.UnitTests.Statistics;

public sealed class StatisticsWeeksTests
{
    [Test]
    public void TheDefaultRangeIsTheCurrentIsoWeekAndTheElevenBefore()
    {
        // A Wednesday: its week starts on Monday 2026-03-02.
        var weeks = StatisticsWeeks.Latest(new DateOnly(2026, 3, 4));
        weeks.Count.ShouldBe(12);
        weeks.Mondays[^1].ShouldBe(new DateOnly(2026, 3, 2));
        weeks.FirstMonday.ShouldBe(new DateOnly(2025, 12, 15));
        weeks.End.ShouldBe(new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.Zero));
    }

    [Test]
    public void ARangeCoversTheWholeWeeksOfItsFirstAndLastDays()
    {
        var weeks = StatisticsWeeks.Between(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 11)).ShouldNotBeNull();
        weeks.FirstMonday.ShouldBe(new DateOnly(2025, 12, 29));
        weeks.LastSunday.ShouldBe(new DateOnly(2026, 1, 11));
        weeks.Count.ShouldBe(2);
        weeks.Start.ShouldBe(new DateTimeOffset(2025, 12, 29, 0, 0, 0, TimeSpan.Zero));
    }

    [Test]
    public void ABackwardsOrTooLongRangeIsRefused()
    {
        StatisticsWeeks.Between(new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 1)).ShouldBeNull();
        StatisticsWeeks.Between(new DateOnly(2020, 1, 1), new DateOnly(2026, 1, 1)).ShouldBeNull();
        StatisticsWeeks.Between(new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 5)).ShouldNotBeNull().Count.ShouldBe(1);
    }

    [TestCase(2025, 12, 29, "2026-W01")]
    [TestCase(2026, 12, 28, "2026-W53")]
    [TestCase(2021, 1, 4, "2021-W01")]
    [TestCase(2020, 12, 28, "2020-W53")]
    public void AWeekIsNamedTheIsoWay(int year, int month, int day, string name) =>
        StatisticsWeeks.IsoName(new DateOnly(year, month, day)).ShouldBe(name);

    [TestCase(2026, 5, 17, 2024, 4, 1)]
    [TestCase(2026, 1, 1, 2024, 1, 1)]
    [TestCase(2026, 12, 31, 2024, 10, 1)]
    public void ThePublicPageShowsTheEightWholeQuartersBeforeTheCurrentOne(int year, int month, int day, int firstYear, int firstMonth, int firstDay) =>
        PublicStatistics.FirstQuarter(new DateOnly(year, month, day)).ShouldBe(new DateOnly(firstYear, firstMonth, firstDay));
}
