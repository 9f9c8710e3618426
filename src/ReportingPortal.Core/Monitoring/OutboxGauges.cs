using Microsoft.Extensions.Hosting;
using System.Diagnostics;
using Dapper;
using Npgsql;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Monitoring;

/// <summary>
/// The outbox seen from outside: how many emails are still owed and how long the oldest due one has waited. Read from
/// mail_deliveries at most once per <see cref="CacheFor"/>, so frequent scrapes do not load the database.
/// </summary>
public sealed class OutboxGauges(PortalMetrics metrics, NpgsqlDataSource database, ILogger<OutboxGauges> logger) : IHostedService
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();
    private (long Depth, double OldestDueSeconds) _last;
    private long _readAt = long.MinValue;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        metrics.Meter.CreateObservableGauge("reportingportal.outbox.depth", () => Read().Depth, "{email}",
            "Emails owed and not yet sent or given up on.");
        metrics.Meter.CreateObservableGauge("reportingportal.outbox.oldest_due_age", () => Read().OldestDueSeconds, "s",
            "Seconds the oldest email that is due to be sent has been due; 0 when none is.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private (long Depth, double OldestDueSeconds) Read()
    {
        lock (_lock)
        {
            if (_readAt != long.MinValue && Stopwatch.GetElapsedTime(_readAt) < CacheFor)
                return _last;
            _readAt = Stopwatch.GetTimestamp();
            try
            {
                using var connection = database.OpenConnection();
                _last = connection.QuerySingle<(long, double)>(new CommandDefinition("""
                    select count(*),
                           coalesce(extract(epoch from now() - min(next_attempt_at) filter (where next_attempt_at <= now())), 0)::float8
                    from mail_deliveries where status = @Pending
                    """, new { Pending = DeliveryStatus.Pending.Stored() }, commandTimeout: 5));
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                // The last figures stay; readiness reports the database.
                logger.LogWarning("Cannot read the outbox for its gauges ({Error})", exception.GetType().Name);
            }
            return _last;
        }
    }
}
