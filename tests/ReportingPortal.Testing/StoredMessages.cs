using Dapper;
using Npgsql;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.Encryption;

namespace ReportingPortal.Testing;

/// <summary>Messages between responders and reporters, written and read straight in the database, sealed with the tests' key.</summary>
public static class StoredMessages
{
    public sealed record Message(long Id, string Direction, long? Author, string Body, string[] Urls);

    private sealed record Row(long Id, string Direction, long? AuthorAccountId, byte[] Content, string Reference, string KeyId, byte[] DataKey);

    /// <summary>Writes a message as the portal stores it; returns the report's id and the message's.</summary>
    public static async Task<(long ReportId, long MessageId)> Insert(NpgsqlConnection connection, string reference, MessageDirection direction,
        long? author, string body, params string[] urls)
    {
        var (reportId, keyId, dataKey) = await connection.QuerySingleAsync<(long, string, byte[])>(
            "select id, key_id, data_key from reports where reference = @reference", new { reference });
        var content = Portal.TestKeys.Open(reference, keyId, dataKey).Seal(new MessageContent(body, urls), SealedPurpose.CaseMessage);
        var messageId = await connection.ExecuteScalarAsync<long>("""
            insert into case_messages (report_id, direction, author_account_id, content) values (@reportId, @Direction, @author, @content)
            returning id
            """, new { reportId, Direction = direction.ToString(), author, content });
        return (reportId, messageId);
    }

    /// <summary>The report's messages in the order they were written, opened.</summary>
    public static async Task<List<Message>> For(string reference, string? connectionString = null)
    {
        await using var connection = await TestDatabase.OpenDatabase(connectionString ?? TestDatabase.ConnectionString);
        var rows = await connection.QueryAsync<Row>("""
            select m.id, m.direction, m.author_account_id as AuthorAccountId, m.content, r.reference, r.key_id as KeyId, r.data_key as DataKey
            from case_messages m join reports r on r.id = m.report_id where r.reference = @reference order by m.id
            """, new { reference });
        return rows.Select(row =>
        {
            var content = Portal.TestKeys.Open(row.Reference, row.KeyId, row.DataKey).Open<MessageContent>(row.Content, SealedPurpose.CaseMessage);
            return new Message(row.Id, row.Direction, row.AuthorAccountId, content.Body, content.Urls);
        }).ToList();
    }
}
