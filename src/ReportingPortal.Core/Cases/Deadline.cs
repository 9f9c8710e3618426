namespace ReportingPortal.Core.Cases;

/// <summary>The two deadlines every case has. Stored by name in case_reminders.deadline.</summary>
public enum Deadline
{
    /// <summary>Someone takes the case: cases.first_action_due.</summary>
    FirstAction,

    /// <summary>The reporter hears back: cases.feedback_due.</summary>
    Feedback,
}
