using ReportingPortal.Core.Email;

namespace ReportingPortal.UnitTests.Email;

public sealed class JobQueuesTests
{
    /// <summary>The job server takes waiting jobs in alphabetical order of queue name.</summary>
    [Test]
    public void TheQueuesSortByPriorityByName() =>
        new[] { Priority.Normal, Priority.Urgent, Priority.High }.Select(JobQueues.For).Order(StringComparer.Ordinal)
            .ShouldBe([JobQueues.For(Priority.Urgent), JobQueues.For(Priority.High), JobQueues.For(Priority.Normal)]);

    [Test]
    public void TheJobServerListensOnEveryQueue() =>
        Enum.GetValues<Priority>().Select(JobQueues.For).ShouldBe(JobQueues.All, ignoreOrder: true);
}
