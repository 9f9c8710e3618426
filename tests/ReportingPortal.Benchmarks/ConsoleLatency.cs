using System.Diagnostics;
using System.Net;
using Dapper;
using ReportingPortal.Core.Accounts;
using ReportingPortal.Testing;

namespace ReportingPortal.Benchmarks;

/// <summary>
/// A responder's console on a full database: enrols and signs in a responder of one queue, as a person would (password
/// and TOTP code through the real pages), then times GET /console (the inbox) and GET /console/cases/{reference} for
/// cases of that queue, one request after another, after a warm-up.
/// </summary>
public static class ConsoleLatency
{
    public static async Task<int> Run(Arguments options)
    {
        var site = new Uri(options.Text("url"));
        var connectionString = options.Text("database");
        var queue = options.Text("queue", "child-welfare");
        var requests = options.Number("requests", 300);
        var warmup = options.Number("warmup", 30);

        var email = $"bench-{Guid.NewGuid():N}@responders.example";
        var password = $"Benchmark password {Guid.NewGuid():N}";
        var token = await ConsoleAccounts.Invite(connectionString, email, "Benchmark responder", administrator: false, [(queue, QueueRole.Responder)]);
        using var enrolling = new PortalSession(site);
        var (enrolled, _, key) = await ConsoleAccounts.EnrolWith(enrolling, token, password, ConsoleAccounts.CodeNow);
        if (enrolled.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"Enrolment answered {(int)enrolled.StatusCode}");
        using var responder = new PortalSession(site);
        // Enrolment used the step before now; a code of this step has not been used.
        var signedIn = await responder.SignInToConsole(email, password, ConsoleAccounts.CodeFor(key, ConsoleAccounts.StepNow()));
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in answered {(int)signedIn.StatusCode}");

        await using var connection = await TestDatabase.OpenDatabase(connectionString);
        var reports = await connection.ExecuteScalarAsync<long>("select count(*) from reports");
        var inQueue = await connection.ExecuteScalarAsync<long>("select count(*) from case_queues where queue = @queue", new { queue });
        var references = (await connection.QueryAsync<string>("""
            select r.reference from case_queues q join reports r on r.id = q.report_id
            where q.queue = @queue order by random() limit 500
            """, new { queue })).ToArray();
        Console.WriteLine($"{reports:N0} reports; {inQueue:N0} cases in {queue}; timing {requests} requests of each page after {warmup}");

        var failures = 0;
        async Task<double> Time(string path)
        {
            var clock = Stopwatch.StartNew();
            using var response = await responder.Get(path);
            await response.Content.LoadIntoBufferAsync();
            var elapsed = clock.Elapsed.TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK && Interlocked.Increment(ref failures) <= 3)
                Console.Error.WriteLine($"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}");
            return elapsed;
        }

        var inbox = new List<double>();
        var cases = new List<double>();
        for (var n = 0; n < warmup + requests; n++)
        {
            var inboxTime = await Time("/console");
            var caseTime = await Time("/console/cases/" + references[n % references.Length]);
            if (n < warmup)
                continue;
            inbox.Add(inboxTime);
            cases.Add(caseTime);
        }

        var results = options.Text("results");
        Results.Append(results, "console", [("reports", reports), ("queue_cases", inQueue), ("failed", failures)]);
        Results.Append(results, "console", Percentiles.Of("inbox", inbox));
        Results.Append(results, "console", Percentiles.Of("case", cases));
        return failures == 0 ? 0 : 1;
    }
}
