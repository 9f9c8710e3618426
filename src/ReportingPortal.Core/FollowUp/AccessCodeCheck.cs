using System.Security.Cryptography;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using ReportingPortal.Core.Audit;
using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.FollowUp;

/// <summary>
/// Checks a reference and access code in one transaction, serialised per reference by an advisory lock so that
/// guesses sent at once are all counted. A wrong code counts against the reference whether or not a report has it,
/// and a lock looks the same either way; only a lock on a real report is audited, for its responders.
/// </summary>
public sealed class AccessCodeCheck(NpgsqlDataSource database, ReceiptCodes codes, TimeProvider clock, IOptions<FollowUpOptions> options)
{
    // The advisory lock space of access-code checks; the second key is the reference's hash.
    private const int LockSpace = 0x52500001;

    // Compared against when no report has the reference, so a missing one costs the same as a wrong code.
    private static readonly byte[] NoReportHash = RandomNumberGenerator.GetBytes(32);

    private sealed record StoredReport(long Id, byte[] AccessCodeHash, string Language);

    /// <param name="reference">The reference as stored (see <see cref="ReferenceInput.Normalise"/>).</param>
    /// <param name="accessCode">The code as typed; it is normalised before it is hashed.</param>
    public async Task<AccessCodeOutcome> Open(string reference, string accessCode, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var typedHash = codes.HashAccessCode(accessCode);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        Task<T?> Query<T>(string sql, object parameters) =>
            connection.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        Task<int> Execute(string sql, object parameters) =>
            connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));

        await Execute("select pg_advisory_xact_lock(@LockSpace, hashtext(@reference))", new { LockSpace, reference });
        var lockedUntil = await Query<DateTime?>(
            "select locked_until from access_code_locks where reference = @reference and locked_until > @now", new { reference, now });
        if (lockedUntil is { } until)
            return AccessCodeOutcome.Locked(new DateTimeOffset(until, TimeSpan.Zero));

        var report = await Query<StoredReport?>(
            "select id, access_code_hash as AccessCodeHash, language from reports where reference = @reference", new { reference });
        var right = CryptographicOperations.FixedTimeEquals(typedHash, report?.AccessCodeHash ?? NoReportHash) && report is not null;
        if (right)
        {
            await Execute("delete from access_code_failures where reference = @reference", new { reference });
            await AuditLog.Write(connection, transaction, new AuditEntry(AuditAction.ReporterOpenedReport, null, report!.Id), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return AccessCodeOutcome.Opened(report.Id, report.Language);
        }

        // Old failures and ended locks go as new ones come; both deletes use an index and usually find nothing.
        var since = now - settings.LockWindow;
        var failures = await Query<long>("""
            delete from access_code_failures where failed_at <= @since;
            delete from access_code_locks where locked_until <= @now;
            insert into access_code_failures (reference, failed_at) values (@reference, @now);
            select count(*) from access_code_failures where reference = @reference and failed_at > @since;
            """, new { reference, now, since });
        if (failures < settings.LockAfter)
        {
            await transaction.CommitAsync(cancellationToken);
            return AccessCodeOutcome.Refused;
        }

        var lockedTo = now + settings.LockFor;
        await Execute("""
            insert into access_code_locks (reference, locked_until) values (@reference, @lockedTo)
            on conflict (reference) do update set locked_until = greatest(access_code_locks.locked_until, excluded.locked_until);
            delete from access_code_failures where reference = @reference;
            """, new { reference, lockedTo });
        if (report is not null)
            await AuditLog.Write(connection, transaction, new AuditEntry(AuditAction.AccessCodeLocked, null, report.Id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AccessCodeOutcome.Locked(lockedTo);
    }
}
