namespace ReportingPortal.Core.Screening;

/// <summary>Why a report was screened. Stored by name in reports.screening_reasons; never a client key.</summary>
public enum ScreeningReason
{
    CaptchaNotSolved,
    HoneypotFilled,
    TooFast,

    /// <summary>More reports than Screening:ReportsPerClientKey came from one client key in the window, counted in memory only.</summary>
    ManyFromOneClient,
}
