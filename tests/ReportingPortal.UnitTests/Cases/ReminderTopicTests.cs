using ReportingPortal.Core.Cases;

namespace ReportingPortal.UnitTests.Cases;

public sealed class ReminderTopicTests
{
    [TestCase(Deadline.FirstAction, ReminderStage.DueSoon, "FirstAction.DueSoon")]
    [TestCase(Deadline.FirstAction, ReminderStage.Overdue, "FirstAction.Overdue")]
    [TestCase(Deadline.Feedback, ReminderStage.DueSoon, "Feedback.DueSoon")]
    [TestCase(Deadline.Feedback, ReminderStage.Overdue, "Feedback.Overdue")]
    public void ATopicIsWrittenAsDeadlineDotStageAndReadBack(Deadline deadline, ReminderStage stage, string text)
    {
        new ReminderTopic(deadline, stage).ToString().ShouldBe(text);
        ReminderTopic.Parse(text).ShouldBe(new ReminderTopic(deadline, stage));
    }

    [TestCase("")]
    [TestCase("FirstAction")]
    [TestCase("FirstAction.Late")]
    [TestCase("Feedback.Overdue.Again")]
    [TestCase("1.0")]
    public void AnythingElseIsNotATopic(string text) => Should.Throw<FormatException>(() => ReminderTopic.Parse(text));
}
