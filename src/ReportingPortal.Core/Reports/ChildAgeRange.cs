namespace ReportingPortal.Core.Reports;

// Stored by name in the reports table: rename a member only with a migration.

public enum ChildAgeRange { UpTo5, From6To9, From10To12, From13To15, From16To17, NotSure }
