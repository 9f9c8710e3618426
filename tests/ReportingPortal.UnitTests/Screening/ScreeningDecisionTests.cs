using ReportingPortal.Core.Reports;
using ReportingPortal.Core.Screening;

namespace ReportingPortal.UnitTests.Screening;

/// <summary>Which reports go to screening, and which of them are still forwarded at once.</summary>
public sealed class ScreeningDecisionTests
{
    private static readonly TimeSpan MinimumFillTime = TimeSpan.FromSeconds(5);

    private static IReadOnlyList<ScreeningReason> Reasons(bool? captcha = true, bool honeypot = false, int? seconds = 60, bool burst = false) =>
        ScreeningDecision.Reasons(new ReportSignals(captcha, honeypot, seconds), MinimumFillTime, burst);

    [Test]
    public void AReportWithGoodSignalsIsNotScreened() => Reasons().ShouldBeEmpty();

    [Test]
    public void AReportWithoutACaptchaProviderIsNotScreenedForIt() => Reasons(captcha: null).ShouldBeEmpty();

    [Test]
    public void AnUnsolvedCaptchaIsAReason() => Reasons(captcha: false).ShouldBe([ScreeningReason.CaptchaNotSolved]);

    [Test]
    public void AFilledTrapFieldIsAReason() => Reasons(honeypot: true).ShouldBe([ScreeningReason.HoneypotFilled]);

    [TestCase(4, true)]
    [TestCase(5, false)]
    [TestCase(null, true)]
    public void AFormSentFasterThanThePersonCouldIsAReason(int? seconds, bool screened) =>
        Reasons(seconds: seconds).Contains(ScreeningReason.TooFast).ShouldBe(screened);

    [Test]
    public void ManyReportsFromOneClientIsAReason() => Reasons(burst: true).ShouldBe([ScreeningReason.ManyFromOneClient]);

    [Test]
    public void EveryWeakSignalIsKeptInOrder() =>
        Reasons(captcha: false, honeypot: true, seconds: 1, burst: true).ShouldBe(
            [ScreeningReason.CaptchaNotSolved, ScreeningReason.HoneypotFilled, ScreeningReason.TooFast, ScreeningReason.ManyFromOneClient]);

    [TestCase(ChildInDanger.No, true)]
    [TestCase(ChildInDanger.NotSure, true)]
    [TestCase(ChildInDanger.Yes, false)]
    public void AScreenedReportsForwardsWaitUnlessAChildIsInDangerNow(ChildInDanger danger, bool held) =>
        ScreeningDecision.HoldsForwards([ScreeningReason.HoneypotFilled], danger).ShouldBe(held);

    [Test]
    public void AReportThatIsNotScreenedHoldsNothing() =>
        ScreeningDecision.HoldsForwards([], ChildInDanger.No).ShouldBeFalse();
}
