namespace ReportingPortal.Core.Reports;

// Stored by name in the reports table: rename a member only with a migration.

/// <summary>What the acknowledgement email may look like: neutral by default, plain, or none when email is not safe.</summary>
public enum EmailWording { Neutral, Plain, NotSafe }
