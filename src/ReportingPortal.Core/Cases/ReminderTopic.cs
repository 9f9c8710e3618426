namespace ReportingPortal.Core.Cases;

/// <summary>Which reminder an email is: stored as mail_deliveries.topic ("FirstAction.Overdue") and as the audit detail.</summary>
public readonly record struct ReminderTopic(Deadline Deadline, ReminderStage Stage)
{
    public override string ToString() => $"{Deadline}.{Stage}";

    public static ReminderTopic Parse(string topic)
    {
        var parts = topic.Split('.');
        if (parts.Length == 2 && Enum.TryParse<Deadline>(parts[0], out var deadline) && Enum.TryParse<ReminderStage>(parts[1], out var stage)
            && Enum.IsDefined(deadline) && Enum.IsDefined(stage))
            return new ReminderTopic(deadline, stage);
        throw new FormatException($"'{topic}' is not a reminder topic (Deadline.Stage).");
    }
}
