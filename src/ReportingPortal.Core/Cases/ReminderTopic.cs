namespace ReportingPortal.Core.Cases;

/// <summary>Which reminder an email is: stored as mail_deliveries.topic ("FirstAction.Overdue") and as the audit detail.</summary>
public readonly record struct ReminderTopic(Deadline Deadline, ReminderStage Stage)
{
    public override string ToString() => $"{Deadline}.{Stage}";

    public static ReminderTopic Parse(string topic)
    {
        var parts = topic.Split('.');
        // By name only: Enum.TryParse would also take numbers.
        if (parts.Length == 2 && Enum.TryParse<Deadline>(parts[0], out var deadline) && Enum.TryParse<ReminderStage>(parts[1], out var stage)
            && deadline.ToString() == parts[0] && stage.ToString() == parts[1])
            return new ReminderTopic(deadline, stage);
        throw new FormatException($"'{topic}' is not a reminder topic (Deadline.Stage).");
    }
}
