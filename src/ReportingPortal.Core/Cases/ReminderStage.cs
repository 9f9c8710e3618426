namespace ReportingPortal.Core.Cases;

/// <summary>The two reminders a deadline gets, each mailed once. Stored by name in case_reminders.stage.</summary>
public enum ReminderStage
{
    DueSoon,
    Overdue,
}
