using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using ReportingPortal.Core.Audit;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Retention;

/// <summary>
/// A recurring job that deletes what closed reports say once their retention period has passed: the sealed content, its
/// links' fingerprints and its data key (so nothing left in a backup can be opened by the key either), notes, messages,
/// referral reasons and the reporter's sessions. The anonymous skeleton stays for statistics, and an audit line records each deletion. A report
/// that is never closed is never deleted: administrators see it on the stored data page. It also trims working records
/// past their use: sent mail, expired captcha solutions, reporter sessions, access code failures and locks.
/// </summary>
public sealed class RetentionJob(NpgsqlDataSource database, TimeProvider clock, IOptions<RetentionOptions> options,
    ILogger<RetentionJob> logger)
{
    public const string RecurringJobId = "retention";

    public async Task Run(CancellationToken cancellationToken)
    {
        var deleted = await Batches.RunUntilDone(DeleteExpiredContent, options.Value.BatchSize, cancellationToken);
        var trimmed = await TrimWorkingRecords(cancellationToken);
        if (deleted > 0 || trimmed > 0)
            logger.LogInformation("Retention deleted the content of {Reports} closed reports and trimmed {Rows} working rows", deleted, trimmed);
    }

    private async Task<int> DeleteExpiredContent(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition($"""
            with expired as (
                select r.id from reports r join cases c on c.report_id = r.id
                where {ExpiredContent.Condition}
                order by r.id limit @BatchSize
                for update of r, c skip locked
            ),
            notes as (delete from case_notes where report_id in (select id from expired)),
            messages as (delete from case_messages where report_id in (select id from expired)),
            referrals as (update referrals set reason = null where report_id in (select id from expired)),
            sessions as (delete from reporter_sessions where report_id in (select id from expired)),
            held as (delete from mail_deliveries where report_id in (select id from expired) and status = @Held),
            audit as (
                insert into audit_log (action, report_id) select @ContentDeleted, id from expired
            ),
            deleted as (
                update reports set content = null, data_key = null, link_fingerprints = null, content_deleted_at = @now
                where id in (select id from expired) returning id
            )
            select count(*) from deleted
            """, ExpiredContent.Parameters(settings, clock.GetUtcNow(),
                new { settings.BatchSize, ContentDeleted = AuditAction.ContentDeleted.Stored(), Held = DeliveryStatus.Held.Stored() }),
            cancellationToken: cancellationToken));
    }

    private async Task<int> TrimWorkingRecords(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition("""
            delete from mail_deliveries where status = @Sent and sent_at < @now - @SentMailKeptFor;
            delete from captcha_solutions where expires_at < @now;
            delete from reporter_sessions where expires_at <= @now;
            delete from access_code_failures where failed_at < @now - interval '1 hour';
            delete from access_code_locks where locked_until < @now;
            """, new { now = clock.GetUtcNow(), options.Value.SentMailKeptFor, Sent = DeliveryStatus.Sent.Stored() }, cancellationToken: cancellationToken));
    }
}
