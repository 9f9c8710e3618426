namespace ReportingPortal.Core.Forwarding;

/// <summary>The kind of service behind a responder queue; a reporter is told a case was passed on by its sector alone.</summary>
public enum Sector
{
    Police,
    ChildWelfare,
    HealthAndPsychosocial,
    Hotline,
    Platform,
    Other,
}
