using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ReportingPortal.Core.FollowUp;

/// <summary>
/// A reporter's short session after a right access code, in <c>reporter_sessions</c>: a random token in the cookie,
/// its SHA-256 hash in the table. Each use keeps it alive for FollowUp:SessionIdle, never past FollowUp:SessionLifetime;
/// expired sessions are removed as sessions start and are read.
/// </summary>
public sealed class ReporterSessions(NpgsqlDataSource database, TimeProvider clock, IOptions<FollowUpOptions> options)
{
    private const int TokenBytes = 32;

    /// <summary>Starts a session for the report and returns its token, for the cookie only.</summary>
    public async Task<string> Start(long reportId, CancellationToken cancellationToken)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            delete from reporter_sessions where expires_at <= @now;
            insert into reporter_sessions (token_hash, report_id, expires_at, ends_at) values (@TokenHash, @reportId, @ExpiresAt, @EndsAt);
            """, new
            {
                now, TokenHash = Hash(token), reportId,
                ExpiresAt = now + options.Value.SessionIdle, EndsAt = now + options.Value.SessionLifetime,
            }, cancellationToken: cancellationToken));
        return token;
    }

    /// <summary>The report the session opened, keeping it alive; null when the token is not a live session's.</summary>
    public async Task<long?> Find(string? token, CancellationToken cancellationToken)
    {
        if (!IsToken(token))
            return null;
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition("""
            delete from reporter_sessions where expires_at <= @now;
            update reporter_sessions set expires_at = least(@IdleEnd, ends_at)
            where token_hash = @TokenHash and expires_at > @now
            returning report_id;
            """, new { now, TokenHash = Hash(token!), IdleEnd = now + options.Value.SessionIdle }, cancellationToken: cancellationToken));
    }

    public async Task End(string? token, CancellationToken cancellationToken)
    {
        if (!IsToken(token))
            return;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "delete from reporter_sessions where token_hash = @TokenHash", new { TokenHash = Hash(token!) }, cancellationToken: cancellationToken));
    }

    private static bool IsToken(string? token) =>
        token is { Length: 43 } && Base64Url.IsValid(token, out var length) && length == TokenBytes;

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token));
}
