using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage;
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
public sealed class RecurringJobs(
    IRecurringJobManager recurring,
    IOptions<JobsOptions> jobs,
    IOptions<ScreeningOptions> screening,
    TimeProvider clock,
    ILogger<RecurringJobs> logger) : BackgroundService
{
    /// <summary>How long a server waits before declaring its recurring jobs again when a job's lock was held.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: the server starts and sends mail whatever happens here.
        await Task.Yield();
        while (true)
        {
            try
            {
                Declare();
                return;
            }
            // A server killed while it held a recurring job's lock leaves the lock behind until it expires (minutes). The
            // jobs were declared by the servers before, so this one keeps trying rather than failing to start.
            catch (Exception exception) when (exception is PostgreSqlDistributedLockException or DistributedLockTimeoutException)
            {
                logger.LogWarning("Could not declare the recurring jobs, a job's lock is held ({Error}); trying again in {RetryAfter}",
                    exception.GetType().Name, RetryAfter);
            }
            await Task.Delay(RetryAfter, clock, stoppingToken);
        }
    }

    private void Declare()
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
    }
}
