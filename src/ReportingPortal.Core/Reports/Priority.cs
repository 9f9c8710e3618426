namespace ReportingPortal.Core.Reports;

/// <summary>How fast a report's mail must go out. Stored by name; urgent mail is sent before everything else.</summary>
public enum Priority { Urgent, High, Normal }

public static class Priorities
{
    /// <summary>A child in danger now is urgent; sextortion, or a child reporting about themselves, is high.</summary>
    public static Priority For(ReporterRole role, ReportCategory category, ChildInDanger danger) =>
        danger == ChildInDanger.Yes ? Priority.Urgent
        : category == ReportCategory.Sextortion || role == ReporterRole.ChildAboutThemselves ? Priority.High
        : Priority.Normal;
}
