namespace ReportingPortal.Core.Reports;

public sealed record Country(string Code, string Name);
