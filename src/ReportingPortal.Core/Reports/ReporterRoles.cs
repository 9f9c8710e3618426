namespace ReportingPortal.Core.Reports;

public static class ReporterRoles
{
    /// <summary>Whether the reporter said they are a child, for the simpler wording.</summary>
    public static bool IsChild(this ReporterRole role) => role is ReporterRole.ChildAboutThemselves or ReporterRole.ChildAboutSomeoneElse;
}
