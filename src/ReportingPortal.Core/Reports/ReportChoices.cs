namespace ReportingPortal.Core.Reports;

// Stored by name in the reports table: rename a member only with a migration.

public enum ReporterRole { ChildAboutThemselves, ChildAboutSomeoneElse, ParentOrCaregiver, OtherAdult, Professional }

public enum ReportCategory { Grooming, Sextortion, SharingSexualImages, AbuseMaterialOnline, AbuseInPerson, Other }

public enum WhenItHappened { Ongoing, Today, ThisWeek, ThisMonth, ThisYear, LongerAgo, NotSure }

public enum ChildAgeRange { UpTo5, From6To9, From10To12, From13To15, From16To17, NotSure }

public enum ChildInDanger { Yes, No, NotSure }

public enum ContactPreference { Anonymous, Email }

/// <summary>What the acknowledgement email may look like: neutral by default, plain, or none when email is not safe.</summary>
public enum EmailWording { Neutral, Plain, NotSafe }
