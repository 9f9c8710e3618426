using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReportingPortal.Core.Jobs;

namespace ReportingPortal.UnitTests.Jobs;

public sealed class JobsOptionsTests
{
    private static JobsOptions Bound(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddJobStorage();
        return services.BuildServiceProvider().GetRequiredService<IOptions<JobsOptions>>().Value;
    }

    [Test]
    public void EachPriorityHasItsQueueAndTheUrgentQueueComesFirst()
    {
        var jobs = Bound([]);

        jobs.QueueFor(Priority.Urgent).ShouldBe("p1_urgent");
        jobs.QueueFor(Priority.High).ShouldBe("p2_high");
        jobs.QueueFor(Priority.Normal).ShouldBe("p3_normal");
        jobs.Queues().ShouldBe(["p1_urgent", "p2_high", "p3_normal"]);
    }

    [Test]
    public void QueueNamesThatDoNotSortUrgentFirstAreRefusedAtStartUp()
    {
        var refused = Should.Throw<OptionsValidationException>(() => Bound(new() { ["Jobs:UrgentQueue"] = "urgent" }));

        refused.Message.ShouldContain("Jobs:UrgentQueue, Jobs:HighQueue and Jobs:NormalQueue");
    }

    [TestCase("Jobs:QueuePollInterval")]
    [TestCase("Jobs:InvisibilityTimeout")]
    public void ATimeThatIsNotPositiveIsRefusedAtStartUp(string key) =>
        Should.Throw<OptionsValidationException>(() => Bound(new() { [key] = "00:00:00" })).Message.ShouldContain(key);

    [Test]
    public void TheTuningComesFromConfiguration()
    {
        var jobs = Bound(new() { ["Jobs:WorkerCount"] = "3", ["Jobs:QueuePollInterval"] = "00:00:02", ["Jobs:JobExpiration"] = "02:00:00" });

        jobs.WorkerCount.ShouldBe(3);
        jobs.QueuePollInterval.ShouldBe(TimeSpan.FromSeconds(2));
        jobs.JobExpiration.ShouldBe(TimeSpan.FromHours(2));
    }
}
