namespace ReportingPortal.Core;

/// <summary>Names the shared resource files under Resources/ that hold every string the public sees.</summary>
public sealed class SharedResource;
