using System.Data;
using Dapper;
using DbUp.Engine;
using Npgsql;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.Encryption;
using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.Storage.Migrations;

/// <summary>
/// Seals the reports, notes, messages and referral reasons stored in clear before encryption at rest, batch by batch in
/// its own transactions. Only rows not yet sealed are touched, so a run cut short is finished by the next start.
/// </summary>
public sealed class SealStoredContent(string connectionString, KeyRing keys) : IScript
{
    public const string Name = "ReportingPortal.Core.Storage.Migrations.0016_seal_stored_content.cs";
    private const int BatchSize = 500;

    public string ProvideScript(Func<IDbCommand> dbCommandFactory)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        while (SealReports(connection) == BatchSize)
        {
        }
        SealRows<ClearText>(connection, "select n.id, n.body as Text, {0} from case_notes n {1} where n.sealed_body is null",
            "update case_notes set sealed_body = @Sealed where id = @Id", (key, row) => key.Seal(row.Text, SealedPurpose.CaseNote));
        SealRows<ClearText>(connection, "select f.id, f.reason as Text, {0} from referrals f {1} where f.sealed_reason is null",
            "update referrals set sealed_reason = @Sealed where id = @Id", (key, row) => key.Seal(row.Text, SealedPurpose.ReferralReason));
        SealRows<ClearMessage>(connection, "select m.id, m.body, m.urls, {0} from case_messages m {1} where m.content is null",
            "update case_messages set content = @Sealed where id = @Id",
            (key, row) => key.Seal(new MessageContent(row.Body, row.Urls), SealedPurpose.CaseMessage));
        return "select 1";
    }

    private int SealReports(NpgsqlConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        var rows = connection.Query<ClearReport>("""
            select id, reference, urls, platform, usernames, region, description, contact_name as ContactName, contact_email as ContactEmail
            from reports where data_key is null order by id limit @BatchSize for update
            """, new { BatchSize }, transaction).AsList();
        foreach (var row in rows)
        {
            var key = keys.NewReportKey(row.Reference);
            var content = new ReportContent(row.Urls, row.Platform, row.Usernames, row.Region, row.Description, row.ContactName, row.ContactEmail);
            connection.Execute("update reports set key_id = @KeyId, data_key = @WrappedKey, content = @Content where id = @Id",
                new { key.KeyId, key.WrappedKey, Content = key.Seal(content, SealedPurpose.ReportContent), row.Id }, transaction);
        }
        transaction.Commit();
        return rows.Count;
    }

    /// <summary>Seals the rows <paramref name="select"/> finds with their report's key; {0} and {1} take the report's columns and join.</summary>
    private void SealRows<TRow>(NpgsqlConnection connection, string select, string update, Func<ReportKey, TRow, byte[]> seal)
        where TRow : ClearRow
    {
        var sql = string.Format(select, "r.reference, r.key_id as KeyId, r.data_key as DataKey", "join reports r on r.id = report_id")
                  + " order by 1 limit @BatchSize";
        while (true)
        {
            using var transaction = connection.BeginTransaction();
            var rows = connection.Query<TRow>(sql, new { BatchSize }, transaction).AsList();
            foreach (var row in rows)
                connection.Execute(update, new { Sealed = seal(keys.Open(row.Reference, row.KeyId, row.DataKey), row), row.Id }, transaction);
            transaction.Commit();
            if (rows.Count < BatchSize)
                return;
        }
    }

    private abstract class ClearRow
    {
        public long Id { get; init; }
        public string Reference { get; init; } = "";
        public string KeyId { get; init; } = "";
        public byte[] DataKey { get; init; } = [];
    }

    private sealed class ClearText : ClearRow
    {
        public string Text { get; init; } = "";
    }

    private sealed class ClearMessage : ClearRow
    {
        public string Body { get; init; } = "";
        public string[] Urls { get; init; } = [];
    }

    // A class, not a positional record: Dapper maps a text[] column to a property only.
    private sealed class ClearReport
    {
        public long Id { get; init; }
        public string Reference { get; init; } = "";
        public string[] Urls { get; init; } = [];
        public string? Platform { get; init; }
        public string? Usernames { get; init; }
        public string? Region { get; init; }
        public string Description { get; init; } = "";
        public string? ContactName { get; init; }
        public string? ContactEmail { get; init; }
    }
}
