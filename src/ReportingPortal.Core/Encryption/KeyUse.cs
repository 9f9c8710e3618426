using Dapper;
using Npgsql;

namespace ReportingPortal.Core.Encryption;

/// <summary>How many reports' data keys each key-encryption key wraps: the re-wrap job's progress, for administrators.</summary>
public sealed record KeyUse(string KeyId, long Reports)
{
    public static async Task<IReadOnlyList<KeyUse>> Read(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<KeyUse>(new CommandDefinition("""
            select key_id as KeyId, count(*) as Reports from reports where data_key is not null group by key_id order by key_id
            """, cancellationToken: cancellationToken))).AsList();
    }
}
