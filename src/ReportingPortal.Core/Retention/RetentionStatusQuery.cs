using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using ReportingPortal.Core.Encryption;

namespace ReportingPortal.Core.Retention;

public sealed class RetentionStatusQuery(NpgsqlDataSource database, KeyRing keys, TimeProvider clock, IOptions<RetentionOptions> options)
{
    /// <summary>How many of the reports open too long are listed.</summary>
    public const int OldestOpenShown = 50;

    public async Task<RetentionStatus> Read(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var rows = await connection.QueryMultipleAsync(new CommandDefinition($"""
            select count(*) filter (where content_deleted_at is null), count(*) filter (where content_deleted_at is not null) from reports;

            select count(*) from reports r join cases c on c.report_id = r.id where {ExpiredContent.Condition};

            select count(*) from cases c join reports r on r.id = c.report_id where c.status <> @Closed and r.received_at < @now - @FlaggedAfter;

            select r.reference, r.received_at as ReceivedAt, c.status from cases c join reports r on r.id = c.report_id
            where c.status <> @Closed and r.received_at < @now - @FlaggedAfter order by r.received_at limit @OldestOpenShown;
            """, ExpiredContent.Parameters(settings, clock.GetUtcNow(), new { FlaggedAfter = settings.OpenReportsFlaggedAfter, OldestOpenShown }),
            cancellationToken: cancellationToken));
        var (kept, deleted) = await rows.ReadSingleAsync<(long, long)>();
        var due = await rows.ReadSingleAsync<long>();
        var openTooLong = await rows.ReadSingleAsync<long>();
        var oldest = (await rows.ReadAsync<RetentionStatus.OpenReport>()).AsList();
        return new RetentionStatus(keys.CurrentKeyId, await KeyUse.Read(database, cancellationToken), kept, deleted, due, openTooLong, oldest);
    }
}
