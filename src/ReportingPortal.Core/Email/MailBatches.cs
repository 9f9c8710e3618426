using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.Email;

/// <summary>How the dispatcher splits the mail it claimed into delivery jobs.</summary>
public static class MailBatches
{
    /// <summary>
    /// One job per priority, most urgent first, split once a job holds <paramref name="emailsPerJob"/> emails. A
    /// report's emails stay in one job, which takes the most urgent priority among them.
    /// </summary>
    public static IReadOnlyList<MailBatch> From(IEnumerable<(long ReportId, Priority Priority)> claimed, int emailsPerJob)
    {
        var batches = new List<MailBatch>();
        var reports = claimed
            .GroupBy(email => email.ReportId)
            .Select(report => (ReportId: report.Key, Emails: report.Count(), Priority: report.Min(email => email.Priority)))
            .OrderBy(report => report.Priority)
            .ThenBy(report => report.ReportId);
        foreach (var batch in reports.GroupBy(report => report.Priority))
        {
            var reportIds = new List<long>();
            var emails = 0;
            foreach (var report in batch)
            {
                reportIds.Add(report.ReportId);
                emails += report.Emails;
                if (emails >= emailsPerJob)
                {
                    batches.Add(new MailBatch(reportIds.ToArray(), batch.Key));
                    reportIds.Clear();
                    emails = 0;
                }
            }
            if (reportIds.Count > 0)
                batches.Add(new MailBatch(reportIds.ToArray(), batch.Key));
        }
        return batches;
    }
}
