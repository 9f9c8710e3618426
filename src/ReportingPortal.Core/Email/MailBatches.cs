using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.Email;

/// <summary>How the dispatcher splits the mail it claimed into delivery jobs.</summary>
public static class MailBatches
{
    /// <summary>
    /// One job per priority, most urgent first, split once a job holds <paramref name="emailsPerJob"/> emails, and into
    /// about <paramref name="senders"/> jobs in all when there are that many emails: a job sends one email after
    /// another, so a small hand-out in one job would leave all but one SMTP connection idle, while a job per sender for
    /// each priority would make three times the jobs, and each costs Hangfire more than a send. Within a priority, mail
    /// to the reporter (they may be waiting at the screen) goes first, then the rest in the order it came.
    /// </summary>
    public static IReadOnlyList<MailBatch> From(IEnumerable<ClaimedEmail> claimed, int emailsPerJob, int senders = 1)
    {
        var ordered = claimed
            .OrderBy(email => email.Priority)
            .ThenBy(email => email.ToReporter ? 0 : 1)
            .ThenBy(email => email.DeliveryId)
            .ToList();
        var jobSize = Math.Clamp((ordered.Count + senders - 1) / senders, 1, emailsPerJob);
        return ordered
            .GroupBy(email => email.Priority)
            .SelectMany(priority => priority.Chunk(jobSize)
                .Select(emails => new MailBatch(emails.Select(email => email.DeliveryId).ToArray(), priority.Key)))
            .ToList();
    }
}
