namespace ReportingPortal.Core.Reports;

// Stored by name in the reports table: rename a member only with a migration.

public enum ChildInDanger { Yes, No, NotSure }
