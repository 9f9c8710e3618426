using ReportingPortal.Core.Accounts;

namespace ReportingPortal.UnitTests.Accounts;

public sealed class SignInThrottleTests
{
    [TestCase(0)]
    [TestCase(4)]
    public void FewerThanFiveFailuresDoNotBlock(int failures) => SignInThrottle.BlockAfter(failures).ShouldBeNull();

    [TestCase(5, 1)]
    [TestCase(6, 2)]
    [TestCase(7, 4)]
    [TestCase(8, 8)]
    [TestCase(9, 15)]
    [TestCase(50, 15)]
    [TestCase(int.MaxValue, 15)]
    public void TheBlockStartsAtAMinuteAndDoublesToAtMostFifteen(int failures, int minutes) =>
        SignInThrottle.BlockAfter(failures).ShouldBe(TimeSpan.FromMinutes(minutes));
}
