using ReportingPortal.Core.Email;

namespace ReportingPortal.UnitTests.Email;

/// <summary>How the dispatcher turns the owed mail it claimed into delivery jobs.</summary>
public sealed class MailBatchesTests
{
    private static (long, Priority)[] Emails(long reportId, Priority priority, int count = 1) =>
        Enumerable.Repeat((reportId, priority), count).ToArray();

    private static List<(long[] ReportIds, Priority Priority)> Jobs(IEnumerable<(long, Priority)> claimed, int emailsPerJob) =>
        MailBatches.From(claimed, emailsPerJob).Select(batch => (batch.ReportIds, batch.Priority)).ToList();

    [Test]
    public void NothingClaimedMakesNoJob() => MailBatches.From([], emailsPerJob: 50).ShouldBeEmpty();

    [Test]
    public void EachPriorityGetsItsOwnJobsUrgentFirst()
    {
        var claimed = Emails(1, Priority.Normal).Concat(Emails(2, Priority.High)).Concat(Emails(3, Priority.Urgent))
            .Concat(Emails(4, Priority.Normal));

        var jobs = Jobs(claimed, emailsPerJob: 50);

        jobs.Select(job => job.Priority).ShouldBe([Priority.Urgent, Priority.High, Priority.Normal]);
        jobs.Select(job => job.ReportIds).ShouldBe([[3L], [2L], [1L, 4L]]);
    }

    [Test]
    public void ReportsAreTakenInTheOrderTheyCameWithinAPriority()
    {
        var claimed = Emails(9, Priority.Normal).Concat(Emails(2, Priority.Normal)).Concat(Emails(5, Priority.Normal));

        Jobs(claimed, emailsPerJob: 50).Single().ReportIds.ShouldBe([2L, 5L, 9L]);
    }

    [Test]
    public void AJobIsFullWhenItHoldsEnoughEmailsNotEnoughReports()
    {
        // Report 1 owes an acknowledgement and two forwards, report 2 one forward, report 3 two.
        var claimed = Emails(1, Priority.Normal, 3).Concat(Emails(2, Priority.Normal)).Concat(Emails(3, Priority.Normal, 2));

        Jobs(claimed, emailsPerJob: 4).Select(job => job.ReportIds).ShouldBe([[1L, 2L], [3L]]);
    }

    [Test]
    public void AReportsEmailsAreNeverSplitBetweenJobs()
    {
        var claimed = Emails(1, Priority.Normal, 5).Concat(Emails(2, Priority.Normal, 5));

        Jobs(claimed, emailsPerJob: 2).Select(job => job.ReportIds).ShouldBe([[1L], [2L]]);
    }

    [Test]
    public void OneEmailPerJobMakesAJobPerReport()
    {
        var claimed = Enumerable.Range(1, 3).SelectMany(id => Emails(id, Priority.High));

        Jobs(claimed, emailsPerJob: 1).Select(job => job.ReportIds).ShouldBe([[1L], [2L], [3L]]);
    }

    [Test]
    public void AReportWhoseEmailsHaveDifferentPrioritiesGoesWithItsMostUrgent()
    {
        var claimed = Emails(7, Priority.Normal).Concat(Emails(7, Priority.Urgent)).Concat(Emails(8, Priority.Normal));

        var jobs = Jobs(claimed, emailsPerJob: 50);

        jobs.Select(job => job.Priority).ShouldBe([Priority.Urgent, Priority.Normal]);
        jobs.Select(job => job.ReportIds).ShouldBe([[7L], [8L]]);
    }

    [Test]
    public void EveryClaimedReportIsInExactlyOneJob()
    {
        var random = new Random(7);
        var claimed = Enumerable.Range(0, 500)
            .Select(_ => ((long)random.Next(1, 120), (Priority)random.Next(0, 3)))
            .ToList();

        var jobs = MailBatches.From(claimed, emailsPerJob: 13);

        jobs.SelectMany(job => job.ReportIds).Order().ShouldBe(claimed.Select(email => email.Item1).Distinct().Order());
    }
}
