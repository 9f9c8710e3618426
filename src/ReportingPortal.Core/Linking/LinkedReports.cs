using Dapper;
using Npgsql;

namespace ReportingPortal.Core.Linking;

/// <summary>
/// The other reports that name one of a report's links, received within <see cref="LinkingOptions.Window"/> of it: how
/// many, since when, and the references of the most recent ones (a link reported a thousand times names only a few).
/// </summary>
public sealed record LinkedReports(int Count, DateTime Since, IReadOnlyList<string> References)
{
    /// <summary>How many references a forward names at most.</summary>
    public const int ReferencesNamed = 10;

    /// <summary>Those linked to each of <paramref name="reportIds"/>, in one query for the whole batch; none for a report without.</summary>
    public static async Task<Dictionary<long, LinkedReports>> Load(NpgsqlConnection connection, long[] reportIds, TimeSpan window,
        CancellationToken cancellationToken) =>
        (await connection.QueryAsync<(long Of, string Reference, int Count, DateTime Since)>(new CommandDefinition("""
            select linked.of, linked.reference, linked.count::int, linked.since
            from (
                select r.id as of, other.reference, other.received_at, other.id,
                       count(*) over (partition by r.id) as count,
                       min(other.received_at) over (partition by r.id) as since,
                       row_number() over (partition by r.id order by other.received_at desc, other.id desc) as recent
                from reports r
                join reports other on other.link_fingerprints && r.link_fingerprints and other.id <> r.id
                    and other.received_at between r.received_at - @window and r.received_at + @window
                where r.id = any(@reportIds)
            ) linked
            where linked.recent <= @ReferencesNamed
            order by linked.received_at, linked.id
            """, new { reportIds, window, ReferencesNamed }, cancellationToken: cancellationToken)))
        .GroupBy(row => row.Of)
        .ToDictionary(group => group.Key,
            group => new LinkedReports(group.First().Count, group.First().Since, group.Select(row => row.Reference).ToList()));
}
