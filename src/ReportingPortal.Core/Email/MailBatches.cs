using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.Email;

/// <summary>How the dispatcher splits the mail it claimed into delivery jobs.</summary>
public static class MailBatches
{
    /// <summary>
    /// One job per priority, most urgent first, split once a job holds <paramref name="emailsPerJob"/> emails, and into
    /// at least <paramref name="senders"/> jobs when there are that many emails: a job sends one email after another,
    /// so a small hand-out in one job would leave all but one SMTP connection idle. Within a priority, mail to the
    /// reporter (they may be waiting at the screen) goes first, then the rest in the order it came.
    /// </summary>
    public static IReadOnlyList<MailBatch> From(IEnumerable<ClaimedEmail> claimed, int emailsPerJob, int senders = 1) =>
        claimed
            .OrderBy(email => email.Priority)
            .ThenBy(email => email.ToReporter ? 0 : 1)
            .ThenBy(email => email.DeliveryId)
            .GroupBy(email => email.Priority)
            .SelectMany(priority => priority.Chunk(Math.Clamp((priority.Count() + senders - 1) / senders, 1, emailsPerJob))
                .Select(emails => new MailBatch(emails.Select(email => email.DeliveryId).ToArray(), priority.Key)))
            .ToList();
}
