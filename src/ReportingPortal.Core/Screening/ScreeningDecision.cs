using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.Screening;

/// <summary>Which reports are screened and which of those still go out at once.</summary>
public static class ScreeningDecision
{
    public static IReadOnlyList<ScreeningReason> Reasons(ReportSignals signals, TimeSpan minimumFillTime, bool manyFromOneClient)
    {
        var reasons = new List<ScreeningReason>();
        if (signals.CaptchaVerified == false)
            reasons.Add(ScreeningReason.CaptchaNotSolved);
        if (signals.HoneypotFilled)
            reasons.Add(ScreeningReason.HoneypotFilled);
        if (signals.SecondsToFill is not { } seconds || seconds < minimumFillTime.TotalSeconds)
            reasons.Add(ScreeningReason.TooFast);
        if (manyFromOneClient)
            reasons.Add(ScreeningReason.ManyFromOneClient);
        return reasons;
    }

    /// <summary>Whether the report's forwards wait for a screener: never when a child is in danger now.</summary>
    public static bool HoldsForwards(IReadOnlyCollection<ScreeningReason> reasons, ChildInDanger childInDanger) =>
        reasons.Count > 0 && childInDanger != ChildInDanger.Yes;
}
