using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Encryption;

/// <summary>
/// A recurring job that re-wraps, with the current key, the data keys still wrapped by an older one, a batch per
/// transaction, and logs how many are left: once none is, the older key can be removed from the configuration.
/// The content itself is not touched: only the 60-byte wrapped key of each report changes.
/// </summary>
public sealed class DataKeyRewrapJob(NpgsqlDataSource database, KeyRing keys, IOptions<EncryptionOptions> options,
    ILogger<DataKeyRewrapJob> logger)
{
    public const string RecurringJobId = "rewrap-data-keys";

    private sealed record WrappedKey(long Id, string Reference, string KeyId, byte[] DataKey);

    public async Task Run(CancellationToken cancellationToken)
    {
        var moved = await Batches.RunUntilDone(RewrapBatch, options.Value.RewrapBatchSize, cancellationToken);
        if (moved == 0)
            return;
        var left = (await KeyUse.Read(database, cancellationToken)).Where(use => use.KeyId != keys.CurrentKeyId).Sum(use => use.Reports);
        logger.LogInformation("Re-wrapped {Moved} report data keys with key {CurrentKeyId}; {Left} still wrapped by older keys",
            moved, keys.CurrentKeyId, left);
    }

    private async Task<int> RewrapBatch(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Skip locked: a report being written now is moved on the next run.
        var old = (await connection.QueryAsync<WrappedKey>(new CommandDefinition("""
            select id, reference, key_id as KeyId, data_key as DataKey from reports
            where data_key is not null and key_id <> @CurrentKeyId
            order by id limit @BatchSize for update skip locked
            """, new { keys.CurrentKeyId, BatchSize = options.Value.RewrapBatchSize }, transaction, cancellationToken: cancellationToken))).AsList();
        var rewrapped = old.Select(row => (row.Id, Key: keys.Rewrap(row.Reference, row.KeyId, row.DataKey))).ToList();
        await connection.ExecuteAsync(new CommandDefinition("""
            update reports set key_id = @CurrentKeyId, data_key = moved.data_key
            from unnest(@Ids, @DataKeys) as moved (id, data_key) where reports.id = moved.id
            """, new
            {
                keys.CurrentKeyId, Ids = rewrapped.Select(row => row.Id).ToArray(),
                DataKeys = rewrapped.Select(row => row.Key.WrappedKey).ToArray(),
            }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return old.Count;
    }
}
