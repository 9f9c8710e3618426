using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;

namespace ReportingPortal.Core.Operators;

/// <summary>
/// Operators' sign-in sessions in <c>operator_sessions</c>: ending one there ends it on every instance, whatever copies
/// of its cookie exist. A session's key is random and stored only as its SHA-256 hash. Expired sessions are removed
/// when one is read and whenever a new one starts.
/// </summary>
public sealed class OperatorSessions(NpgsqlDataSource database)
{
    /// <summary>Keeps a new session until <paramref name="expiresAt"/> and returns the key that finds it again.</summary>
    public async Task<string> Start(byte[] ticket, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var key = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            with expired as (delete from operator_sessions where expires_at <= now())
            insert into operator_sessions (key_hash, ticket, expires_at) values (@KeyHash, @Ticket, @ExpiresAt)
            """, new { KeyHash = Hash(key), Ticket = ticket, ExpiresAt = expiresAt.UtcDateTime }, cancellationToken: cancellationToken));
        return key;
    }

    /// <summary>The session's ticket, or null when it ended or expired (an expired one is removed).</summary>
    public async Task<byte[]?> Find(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<byte[]>(new CommandDefinition("""
            with expired as (delete from operator_sessions where key_hash = @KeyHash and expires_at <= now())
            select ticket from operator_sessions where key_hash = @KeyHash and expires_at > now()
            """, new { KeyHash = Hash(key) }, cancellationToken: cancellationToken));
    }

    public async Task Renew(string key, byte[] ticket, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            update operator_sessions set ticket = @Ticket, expires_at = @ExpiresAt, renewed_at = now()
            where key_hash = @KeyHash and expires_at > now()
            """, new { KeyHash = Hash(key), Ticket = ticket, ExpiresAt = expiresAt.UtcDateTime }, cancellationToken: cancellationToken));
    }

    public async Task End(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "delete from operator_sessions where key_hash = @KeyHash", new { KeyHash = Hash(key) }, cancellationToken: cancellationToken));
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
