namespace ReportingPortal.Core.Reports;

public sealed class SignalsOptions
{
    public const string Section = "Signals";

    /// <summary>A form sent faster than this after it was opened is unlikely to have been filled in by a person.</summary>
    public TimeSpan MinimumFillTime { get; set; } = TimeSpan.FromSeconds(5);
}
