namespace ReportingPortal.Core.Reports;

public static class Priorities
{
    /// <summary>A child in danger now is urgent; sextortion, or a child reporting about themselves, is high.</summary>
    public static Priority For(ReporterRole role, ReportCategory category, ChildInDanger danger) =>
        danger == ChildInDanger.Yes ? Priority.Urgent
        : category == ReportCategory.Sextortion || role == ReporterRole.ChildAboutThemselves ? Priority.High
        : Priority.Normal;

    /// <summary>The number mail is ordered by, lowest first (mail_deliveries.priority_rank).</summary>
    public static short Rank(this Priority priority) => (short)priority;
}
