using ReportingPortal.Core.Storage;
using ReportingPortal.Core.Email;
using System.Diagnostics;
using Dapper;

namespace ReportingPortal.Testing;

/// <summary>Hangfire's own record of the jobs and job servers, read straight from its tables.</summary>
public static class StoredJobs
{
    /// <summary>
    /// Waits until no email is owed and no job waits or runs: the jobs are the only senders of mail, so after this
    /// nothing more arrives at the mail server.
    /// </summary>
    public static async Task WaitUntilAllMailIsSettledAndNoJobIsLeft(string connectionString, TimeSpan? timeout = null)
    {
        await using var connection = await TestDatabase.OpenDatabase(connectionString);
        var waiting = Stopwatch.StartNew();
        while (true)
        {
            var pending = await connection.ExecuteScalarAsync<long>("select count(*) from mail_deliveries where status = @Pending", new { Pending = DeliveryStatus.Pending.Stored() });
            var unfinished = await connection.ExecuteScalarAsync<long>(
                "select count(*) from hangfire.job where statename is null or statename not in ('Succeeded', 'Failed', 'Deleted')");
            if (pending == 0 && unfinished == 0)
                return;
            if (waiting.Elapsed > (timeout ?? TimeSpan.FromSeconds(120)))
                throw new TimeoutException($"After {waiting.Elapsed}: {pending} emails still owed, {unfinished} jobs not finished.");
            await Task.Delay(100);
        }
    }

    /// <summary>The job servers running now, by the id each announced.</summary>
    public static async Task<IReadOnlyList<string>> Servers(string connectionString)
    {
        await using var connection = await TestDatabase.OpenDatabase(connectionString);
        var exists = await connection.ExecuteScalarAsync<bool>("select to_regclass('hangfire.server') is not null");
        return exists ? (await connection.QueryAsync<string>("select id from hangfire.server")).ToList() : [];
    }

    /// <summary>The servers that ran at least one job, by the id in the job's Processing state.</summary>
    public static async Task<IReadOnlyList<string>> ServersThatRanJobs(string connectionString)
    {
        await using var connection = await TestDatabase.OpenDatabase(connectionString);
        return (await connection.QueryAsync<string>(
            "select distinct data::jsonb ->> 'ServerId' from hangfire.state where name = 'Processing'")).ToList();
    }
}
