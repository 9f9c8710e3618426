namespace ReportingPortal.Core.Monitoring;

/// <summary>What the management port serves: the web site answers health on its public port already, the worker has no other.</summary>
public enum ManagementEndpoints
{
    Metrics,
    MetricsAndHealth,
}
