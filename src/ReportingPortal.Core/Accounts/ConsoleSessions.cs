using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ReportingPortal.Core.Accounts;

/// <summary>
/// Console sign-in sessions in <c>console_sessions</c>: ending one there ends it on every instance, whatever copies of
/// its cookie exist. A session's key is random and stored only as its SHA-256 hash. Each use keeps it alive for the
/// idle timeout, never past its absolute end; expired sessions are removed when one is read and whenever one starts.
/// </summary>
public sealed class ConsoleSessions(NpgsqlDataSource database, IOptions<ConsoleSessionsOptions> options)
{
    /// <summary>Keeps a new session of the account and returns the key that finds it again.</summary>
    public async Task<string> Start(long accountId, byte[] ticket, CancellationToken cancellationToken)
    {
        var key = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            with expired as (delete from console_sessions where expires_at <= now() or ends_at <= now())
            insert into console_sessions (key_hash, account_id, ticket, expires_at, ends_at)
            values (@KeyHash, @AccountId, @Ticket, now() + @IdleTimeout, now() + @Lifetime)
            """, new { KeyHash = Hash(key), AccountId = accountId, Ticket = ticket, options.Value.IdleTimeout, options.Value.Lifetime },
            cancellationToken: cancellationToken));
        return key;
    }

    /// <summary>The session's ticket, kept alive for another idle timeout; null when it ended or expired (an expired one is removed).</summary>
    public async Task<byte[]?> Use(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<byte[]>(new CommandDefinition("""
            with expired as (delete from console_sessions where key_hash = @KeyHash and (expires_at <= now() or ends_at <= now()))
            update console_sessions set expires_at = least(now() + @IdleTimeout, ends_at), renewed_at = now()
            where key_hash = @KeyHash and expires_at > now() and ends_at > now()
            returning ticket
            """, new { KeyHash = Hash(key), options.Value.IdleTimeout }, cancellationToken: cancellationToken));
    }

    public async Task Renew(string key, byte[] ticket, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "update console_sessions set ticket = @Ticket where key_hash = @KeyHash",
            new { KeyHash = Hash(key), Ticket = ticket }, cancellationToken: cancellationToken));
    }

    public async Task End(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "delete from console_sessions where key_hash = @KeyHash", new { KeyHash = Hash(key) }, cancellationToken: cancellationToken));
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
