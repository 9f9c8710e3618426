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
/// Hands owed mail to Hangfire: every poll interval it claims what is due in priority order, each email with a lease
/// and this hand-out's token, and enqueues one job per batch of emails, in the queue for their priority. The job
/// gets the emails' ids and the token, and sends only those still holding it.
/// </summary>
public sealed class MailDispatcher(
    NpgsqlDataSource database,
    IBackgroundJobClient jobs,
    IOptions<DeliveryOptions> options,
    IOptions<JobsOptions> jobsOptions,
    IOptions<SmtpOptions> smtp,
    ILogger<MailDispatcher> logger) : BackgroundService
{
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

    /// <summary>
    /// Claims due mail, no more than keeps Delivery:MaxHandedOut emails in flight, and enqueues a job per batch;
    /// returns how many emails were claimed. During a backlog it waits until there is room for a whole batch (or half
    /// of MaxHandedOut): handing out the few emails sent since the last poll would make many small jobs, and
    /// Hangfire's own statements for each job cost more than the sends.
    /// </summary>
    public async Task<int> DispatchDue(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var token = Guid.NewGuid();
        List<ClaimedEmail> claimed;
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            claimed = (await connection.QueryAsync<ClaimedEmail>(new CommandDefinition("""
                with due as (
                    select id from mail_deliveries
                    where status = @Pending and next_attempt_at <= now() and (claimed_until is null or claimed_until < now())
                    order by priority_rank, audience_rank, id
                    limit (select case when room >= least(@BatchSize, @MaxHandedOut / 2) then greatest(0, least(room, @BatchSize)) else 0 end
                           from (select @MaxHandedOut - count(*) as room from mail_deliveries
                                 where status = @Pending and claimed_until >= now()) handed_out)
                    for update skip locked
                )
                update mail_deliveries owed set claimed_until = now() + @ClaimLease, claim_token = @token
                from due where owed.id = due.id
                returning owed.id as DeliveryId, owed.priority, owed.audience_rank = 0 as ToReporter
                """, new { Pending = DeliveryStatus.Pending.Stored(), settings.BatchSize, settings.MaxHandedOut, settings.ClaimLease, token },
                cancellationToken: cancellationToken))).ToList();
        }

        var batches = MailBatches.From(claimed, settings.EmailsPerJob, smtp.Value.MaxConnections);
        for (var i = 0; i < batches.Count; i++)
        {
            try
            {
                Enqueue(batches[i].DeliveryIds, token, batches[i].Priority);
            }
            catch
            {
                // Mail whose job could not be created is handed out again at the next poll.
                await MailLease.GiveBack(database, batches.Skip(i).SelectMany(batch => batch.DeliveryIds).ToArray(), token);
                throw;
            }
        }
        return claimed.Count;
    }

    private void Enqueue(long[] deliveryIds, Guid token, Priority priority) =>
        jobs.Create(
            Job.FromExpression<MailDeliveryJob>(job => job.Deliver(deliveryIds, token, CancellationToken.None)),
            new EnqueuedState(jobsOptions.Value.QueueFor(priority)));
}
