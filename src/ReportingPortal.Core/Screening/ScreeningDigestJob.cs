using Dapper;
using Hangfire;
using Microsoft.Extensions.Options;
using Npgsql;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Forwarding;
using ReportingPortal.Core.Reports;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Screening;

/// <summary>
/// A recurring Hangfire job that owes the screening queue a digest: Screening:DigestInterval after the first report it
/// lists, and never sooner than that after the last digest, so a flood of reports makes one email per interval, not
/// one per report. The digest, its cases and its mail in the outbox are written in one transaction under a lock, so
/// two workers, or one run twice, owe it once.
/// </summary>
public sealed class ScreeningDigestJob(
    NpgsqlDataSource database,
    TimeProvider clock,
    IOptions<ScreeningOptions> screening,
    IOptions<ForwardingOptions> forwarding,
    ILogger<ScreeningDigestJob> logger)
{
    public const string RecurringJobId = "screening-digest";

    /// <summary>Every 5 seconds for a short interval, otherwise every minute: a digest goes out at most that long after it is due.</summary>
    public static string ScheduleFor(TimeSpan digestInterval) =>
        digestInterval < TimeSpan.FromMinutes(5) ? "*/5 * * * * *" : Cron.Minutely();

    private const long DigestLock = 0x5C12EE11;

    private sealed record Listed(long ReportId, Priority Priority);

    // The next run, seconds later, is the retry.
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> Run(CancellationToken cancellationToken)
    {
        var settings = screening.Value;
        if (!settings.Enabled)
            return 0;
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("select pg_advisory_xact_lock(@DigestLock)", new { DigestLock },
            transaction, cancellationToken: cancellationToken));

        var due = await connection.QuerySingleOrDefaultAsync<DateTime?>(new CommandDefinition("""
            select greatest((select min(r.received_at) from cases c join reports r on r.id = c.report_id
                             where c.screening = @Waiting and c.screening_digest_id is null),
                            (select max(created_at) from screening_digests)) + @DigestInterval
            where exists (select from cases where screening = @Waiting and screening_digest_id is null)
            """, new { Waiting = ScreeningState.Waiting.Stored(), settings.DigestInterval }, transaction, cancellationToken: cancellationToken));
        if (due is not { } dueAt || dueAt.ToUniversalTime() > now.UtcDateTime)
            return 0;

        var digestId = await connection.QuerySingleAsync<long>(new CommandDefinition(
            "insert into screening_digests (created_at, reports) values (@now, 0) returning id", new { now },
            transaction, cancellationToken: cancellationToken));
        var listed = (await connection.QueryAsync<Listed>(new CommandDefinition("""
            update cases set screening_digest_id = @digestId
            where screening = @Waiting and screening_digest_id is null
            returning report_id as ReportId, priority_rank as Priority
            """, new { digestId, Waiting = ScreeningState.Waiting.Stored() }, transaction, cancellationToken: cancellationToken))).ToList();
        var priority = listed.Min(report => report.Priority);
        var addresses = forwarding.Value.Queues.FirstOrDefault(queue => queue.Name == settings.Queue)?.Addresses ?? [];
        await connection.ExecuteAsync(new CommandDefinition("""
            update screening_digests set reports = @Count where id = @digestId;
            insert into mail_deliveries (report_id, kind, queue, recipient, topic, priority, priority_rank)
            select @ReportId, @ScreeningDigest, @Queue, recipient, @Topic, @Priority, @Rank from unnest(@addresses) as recipient
            on conflict do nothing
            """,
            new
            {
                digestId,
                listed.Count,
                ReportId = listed.Min(report => report.ReportId),
                ScreeningDigest = DeliveryKind.ScreeningDigest.Stored(),
                settings.Queue,
                Topic = digestId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Priority = priority.Stored(),
                Rank = priority.Rank(),
                addresses = addresses.ToArray(),
            },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Screening digest {DigestId} owed for {Count} reports", digestId, listed.Count);
        return listed.Count;
    }
}
