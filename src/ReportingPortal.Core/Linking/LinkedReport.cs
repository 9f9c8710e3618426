using Dapper;
using Npgsql;

namespace ReportingPortal.Core.Linking;

/// <summary>Another report that names one of a report's links, received within <see cref="LinkingOptions.Window"/> of it.</summary>
public sealed record LinkedReport(long ReportId, string Reference, DateTime ReceivedAt)
{
    /// <summary>The reports linked to each of <paramref name="reportIds"/>, oldest first, in one query for the whole batch.</summary>
    public static async Task<ILookup<long, LinkedReport>> Load(NpgsqlConnection connection, long[] reportIds, TimeSpan window,
        CancellationToken cancellationToken) =>
        (await connection.QueryAsync<(long Of, long ReportId, string Reference, DateTime ReceivedAt)>(new CommandDefinition("""
            select r.id, other.id, other.reference, other.received_at
            from reports r
            join reports other on other.link_fingerprints && r.link_fingerprints and other.id <> r.id
                and other.received_at between r.received_at - @window and r.received_at + @window
            where r.id = any(@reportIds)
            order by other.received_at, other.id
            """, new { reportIds, window }, cancellationToken: cancellationToken)))
        .ToLookup(row => row.Of, row => new LinkedReport(row.ReportId, row.Reference, row.ReceivedAt));
}
