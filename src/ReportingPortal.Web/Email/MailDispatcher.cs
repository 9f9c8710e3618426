using Dapper;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Options;
using Npgsql;
using ReportingPortal.Web.Reports;

namespace ReportingPortal.Web.Email;

/// <summary>
/// Hands owed mail to Hangfire: wakes when a report commits (LISTEN/NOTIFY) or every poll interval, claims what
/// is due in priority order and enqueues one job per report in the queue for its priority.
/// </summary>
public sealed class MailDispatcher(
    NpgsqlDataSource database,
    IBackgroundJobClient jobs,
    IOptions<DeliveryOptions> options,
    ILogger<MailDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var listener = await database.OpenConnectionAsync(stoppingToken);
                await listener.ExecuteAsync($"listen {OwedMail.Channel}");
                while (!stoppingToken.IsCancellationRequested)
                {
                    while (await DispatchDue(stoppingToken) == settings.BatchSize)
                    {
                    }
                    await listener.WaitAsync(settings.PollInterval, stoppingToken);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested && exception is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                logger.LogWarning("Cannot hand out owed mail ({Error}); trying again shortly", exception.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    /// <summary>Claims due mail and enqueues a job per report; returns how many emails were claimed.</summary>
    public async Task<int> DispatchDue(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var claimed = (await connection.QueryAsync<(long ReportId, string Priority)>(new CommandDefinition("""
            with due as (
                select id from mail_deliveries
                where status = 'Pending' and next_attempt_at <= now()
                  and (enqueued_at is null or enqueued_at < now() - @HandOutAgainAfter
                       or claimed_until < now())
                order by case priority when 'Urgent' then 0 when 'High' then 1 else 2 end, id
                limit @BatchSize
                for update skip locked
            )
            update mail_deliveries owed set enqueued_at = now()
            from due where owed.id = due.id
            returning owed.report_id, owed.priority
            """, new { settings.HandOutAgainAfter, settings.BatchSize }, cancellationToken: cancellationToken))).ToList();

        var reports = claimed
            .GroupBy(email => email.ReportId)
            .Select(report => (ReportId: report.Key, Priority: report.Select(email => Enum.Parse<Priority>(email.Priority)).Min()))
            .OrderBy(report => report.Priority)
            .ThenBy(report => report.ReportId);
        foreach (var (reportId, priority) in reports)
        {
            jobs.Create(
                Job.FromExpression<MailDeliveryJob>(job => job.Deliver(reportId, CancellationToken.None)),
                new EnqueuedState(JobQueues.For(priority)));
        }
        return claimed.Count;
    }
}
