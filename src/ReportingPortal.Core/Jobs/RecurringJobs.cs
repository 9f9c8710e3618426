using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.Encryption;
using ReportingPortal.Core.Retention;
using ReportingPortal.Core.Screening;

namespace ReportingPortal.Core.Jobs;

/// <summary>
/// Declares the recurring jobs when a job server starts. Every server declares the same ones under the same ids, so
/// several workers still run each once per schedule.
/// </summary>
public sealed class RecurringJobs(IRecurringJobManager recurring, IOptions<JobsOptions> jobs, IOptions<ScreeningOptions> screening) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The urgent queue: a reminder about an urgent case must not wait behind a backlog of normal mail.
        recurring.AddOrUpdate<DeadlineReminderJob>(DeadlineReminderJob.RecurringJobId, jobs.Value.UrgentQueue,
            job => job.Run(CancellationToken.None), Cron.Minutely());
        if (screening.Value.Enabled)
            recurring.AddOrUpdate<ScreeningDigestJob>(ScreeningDigestJob.RecurringJobId, jobs.Value.HighQueue,
                job => job.Run(CancellationToken.None), ScreeningDigestJob.ScheduleFor(screening.Value.DigestInterval));
        else
            recurring.RemoveIfExists(ScreeningDigestJob.RecurringJobId);
        recurring.AddOrUpdate<DataKeyRewrapJob>(DataKeyRewrapJob.RecurringJobId, jobs.Value.NormalQueue,
            job => job.Run(CancellationToken.None), "*/10 * * * *");
        recurring.AddOrUpdate<RetentionJob>(RetentionJob.RecurringJobId, jobs.Value.NormalQueue,
            job => job.Run(CancellationToken.None), Cron.Hourly());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
