using ReportingPortal.Core.Email;

namespace ReportingPortal.UnitTests.Email;

/// <summary>How the dispatcher turns the owed mail it claimed into delivery jobs.</summary>
public sealed class MailBatchesTests
{
    private static ClaimedEmail Forward(long id, Priority priority) => new(id, priority, ToReporter: false);

    private static ClaimedEmail Acknowledgement(long id, Priority priority) => new(id, priority, ToReporter: true);

    private static List<(long[] DeliveryIds, Priority Priority)> Jobs(IEnumerable<ClaimedEmail> claimed, int emailsPerJob, int senders = 1) =>
        MailBatches.From(claimed, emailsPerJob, senders).Select(batch => (batch.DeliveryIds, batch.Priority)).ToList();

    [Test]
    public void NothingClaimedMakesNoJob() => MailBatches.From([], emailsPerJob: 50).ShouldBeEmpty();

    [Test]
    public void EachPriorityGetsItsOwnJobsUrgentFirst()
    {
        var claimed = new[] { Forward(1, Priority.Normal), Forward(2, Priority.High), Forward(3, Priority.Urgent), Forward(4, Priority.Normal) };

        var jobs = Jobs(claimed, emailsPerJob: 50);

        jobs.Select(job => job.Priority).ShouldBe([Priority.Urgent, Priority.High, Priority.Normal]);
        jobs.Select(job => job.DeliveryIds).ShouldBe([[3L], [2L], [1L, 4L]]);
    }

    [Test]
    public void EmailsAreTakenInTheOrderTheyCameWithinAPriority()
    {
        var claimed = new[] { Forward(9, Priority.Normal), Forward(2, Priority.Normal), Forward(5, Priority.Normal) };

        Jobs(claimed, emailsPerJob: 50).Single().DeliveryIds.ShouldBe([2L, 5L, 9L]);
    }

    [Test]
    public void MailToTheReporterGoesAheadOfTheForwardsOfTheSamePriority()
    {
        var claimed = new[]
        {
            Forward(1, Priority.Normal), Forward(2, Priority.Normal), Acknowledgement(3, Priority.Normal),
            Forward(4, Priority.Urgent), Acknowledgement(5, Priority.Urgent), Acknowledgement(6, Priority.Normal),
        };

        var jobs = Jobs(claimed, emailsPerJob: 2);

        jobs.Select(job => job.Priority).ShouldBe([Priority.Urgent, Priority.Normal, Priority.Normal]);
        jobs.Select(job => job.DeliveryIds).ShouldBe([[5L, 4L], [3L, 6L], [1L, 2L]]);
    }

    [Test]
    public void AJobIsFullWhenItHoldsEnoughEmails()
    {
        var claimed = Enumerable.Range(1, 5).Select(id => Forward(id, Priority.Normal));

        Jobs(claimed, emailsPerJob: 2).Select(job => job.DeliveryIds).ShouldBe([[1L, 2L], [3L, 4L], [5L]]);
    }

    [Test]
    public void AFewEmailsAreSpreadOverAJobPerSender()
    {
        var claimed = Enumerable.Range(1, 10).Select(id => Forward(id, Priority.Normal));

        Jobs(claimed, emailsPerJob: 50, senders: 4).Select(job => job.DeliveryIds)
            .ShouldBe([[1L, 2L, 3L], [4L, 5L, 6L], [7L, 8L, 9L], [10L]]);
    }

    [Test]
    public void MailOfSeveralPrioritiesIsSpreadOverAboutAJobPerSenderInAll()
    {
        var claimed = Enumerable.Range(1, 48).Select(id => Forward(id, Priority.Normal))
            .Concat(Enumerable.Range(49, 12).Select(id => Forward(id, Priority.High)))
            .Concat(Enumerable.Range(61, 4).Select(id => Acknowledgement(id, Priority.Urgent)));

        var jobs = Jobs(claimed, emailsPerJob: 50, senders: 8);

        jobs.Select(job => (job.Priority, job.DeliveryIds.Length)).ShouldBe(
        [
            (Priority.Urgent, 4), (Priority.High, 8), (Priority.High, 4),
            (Priority.Normal, 8), (Priority.Normal, 8), (Priority.Normal, 8), (Priority.Normal, 8), (Priority.Normal, 8), (Priority.Normal, 8),
        ]);
    }

    [Test]
    public void ABacklogStillMakesJobsOfAtMostEmailsPerJob()
    {
        var claimed = Enumerable.Range(1, 500).Select(id => Forward(id, Priority.Normal));

        Jobs(claimed, emailsPerJob: 50, senders: 8).ShouldAllBe(job => job.DeliveryIds.Length == 50);
    }

    [Test]
    public void EveryClaimedEmailIsInExactlyOneJobOfItsPriority()
    {
        var random = new Random(7);
        var claimed = Enumerable.Range(1, 500)
            .Select(id => new ClaimedEmail(id, (Priority)random.Next(0, 3), random.Next(0, 3) == 0))
            .ToList();

        var jobs = MailBatches.From(claimed, emailsPerJob: 13);

        jobs.SelectMany(job => job.DeliveryIds).Order().ShouldBe(claimed.Select(email => email.DeliveryId).Order());
        jobs.ShouldAllBe(job => job.DeliveryIds.Length <= 13
                                && job.DeliveryIds.All(id => claimed.Single(email => email.DeliveryId == id).Priority == job.Priority));
    }
}
