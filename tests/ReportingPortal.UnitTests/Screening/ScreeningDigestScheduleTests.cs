using ReportingPortal.Core.Screening;

namespace ReportingPortal.UnitTests.Screening;

/// <summary>How often the digest job looks: often enough that a digest is never much later than its interval says.</summary>
public sealed class ScreeningDigestScheduleTests
{
    [TestCase("00:00:05", "*/5 * * * * *")]
    [TestCase("00:04:59", "*/5 * * * * *")]
    [TestCase("00:05:00", "* * * * *")]
    [TestCase("00:15:00", "* * * * *")]
    public void AShortIntervalIsCheckedEveryFiveSecondsALongerOneEveryMinute(string interval, string schedule) =>
        ScreeningDigestJob.ScheduleFor(TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(schedule);
}
