namespace ReportingPortal.Testing;

/// <summary>Which of the portal's processes a test starts: both, as deployed, or one half to play the other's absence.</summary>
public enum PortalProcesses
{
    WebAndWorker,
    WebOnly,
    WorkerOnly,
}
