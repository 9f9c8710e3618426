using System.Data;
using Dapper;
using DbUp.Engine;
using Npgsql;
using ReportingPortal.Core.Encryption;
using ReportingPortal.Core.Linking;
using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.Storage.Migrations;

/// <summary>
/// Fingerprints the links of the reports stored before links were fingerprinted, those received within the linking
/// window (older ones could not be linked to a new report anyway), batch by batch in their own transactions.
/// </summary>
public sealed class FingerprintStoredLinks(string connectionString, KeyRing keys, LinkFingerprints fingerprints, TimeSpan window) : IScript
{
    public const string Name = "ReportingPortal.Core.Storage.Migrations.0023_link_fingerprints_of_stored_reports.cs";
    private const int BatchSize = 500;

    public string ProvideScript(Func<IDbCommand> dbCommandFactory)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        var after = 0L;
        while (FingerprintBatch(connection, ref after) == BatchSize)
        {
        }
        return "select 1";
    }

    private int FingerprintBatch(NpgsqlConnection connection, ref long after)
    {
        using var transaction = connection.BeginTransaction();
        var rows = connection.Query<SealedReport>("""
            select id, reference, key_id as KeyId, data_key as DataKey, content from reports
            where id > @after and link_fingerprints is null and content is not null and received_at > now() - @window
            order by id limit @BatchSize for update
            """, new { after, window, BatchSize }, transaction).AsList();
        foreach (var row in rows)
        {
            var content = keys.Open(row.Reference, row.KeyId, row.DataKey).Open<ReportContent>(row.Content, SealedPurpose.ReportContent);
            if (fingerprints.Of(content.Urls) is { } linkFingerprints)
                connection.Execute("update reports set link_fingerprints = @linkFingerprints where id = @Id",
                    new { linkFingerprints, row.Id }, transaction);
        }
        transaction.Commit();
        if (rows.Count > 0)
            after = rows[^1].Id;
        return rows.Count;
    }

    private sealed record SealedReport(long Id, string Reference, string KeyId, byte[] DataKey, byte[] Content);
}
