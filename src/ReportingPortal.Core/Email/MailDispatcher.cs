using ReportingPortal.Core.Storage;
using Dapper;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Hosting;
using Npgsql;
using ReportingPortal.Core.Jobs;
using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.Email;

/// <summary>
/// Hands owed mail to Hangfire: every poll interval it claims what is due in priority order and enqueues one job
/// per batch of reports, in the queue for their priority, so one job sends many emails over one SMTP connection.
/// </summary>
public sealed class MailDispatcher(
    NpgsqlDataSource database,
    IBackgroundJobClient jobs,
    IOptions<DeliveryOptions> options,
    IOptions<JobsOptions> jobsOptions,
    ILogger<MailDispatcher> logger) : BackgroundService
{
    private sealed record ClaimedEmail(long ReportId, Priority Priority);

    // Polling rather than LISTEN/NOTIFY: a NOTIFY in each report's transaction would serialise every commit.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchDue(stoppingToken) == settings.BatchSize)
                {
                }
                await Task.Delay(settings.PollInterval, stoppingToken);
            }
            // Creating a job wraps the database's error in Hangfire's own exception.
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested
                                              && exception is NpgsqlException or TimeoutException or InvalidOperationException
                                                  or BackgroundJobClientException)
            {
                logger.LogWarning("Cannot hand out owed mail ({Error}); trying again shortly", exception.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    /// <summary>Claims due mail and enqueues a job per batch of reports; returns how many emails were claimed.</summary>
    public async Task<int> DispatchDue(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var claimed = (await connection.QueryAsync<ClaimedEmail>(new CommandDefinition("""
            with due as (
                select id from mail_deliveries
                where status = @Pending and next_attempt_at <= now()
                  and (enqueued_at is null or enqueued_at < now() - @HandOutAgainAfter
                       or claimed_until < now())
                order by priority_rank, id
                limit @BatchSize
                for update skip locked
            )
            update mail_deliveries owed set enqueued_at = now()
            from due where owed.id = due.id
            returning owed.report_id as ReportId, owed.priority
            """, new { Pending = DeliveryStatus.Pending.Stored(), settings.HandOutAgainAfter, settings.BatchSize }, cancellationToken: cancellationToken))).ToList();

        var emails = claimed.Select(email => (email.ReportId, email.Priority));
        foreach (var batch in MailBatches.From(emails, settings.EmailsPerJob))
            Enqueue(batch.ReportIds, batch.Priority);
        return claimed.Count;
    }

    private void Enqueue(long[] reportIds, Priority priority) =>
        jobs.Create(
            Job.FromExpression<MailDeliveryJob>(job => job.Deliver(reportIds, CancellationToken.None)),
            new EnqueuedState(jobsOptions.Value.QueueFor(priority)));
}
