using System.Net;
using System.Security.Cryptography;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using ReportingPortal.Core.Accounts;
using ReportingPortal.Core.Encryption;
using ReportingPortal.IntegrationTests.Cases;

namespace ReportingPortal.IntegrationTests.Encryption;

public sealed class KeyRotationTests
{
    private static readonly string SecondKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Test]
    public async Task AfterASecondKeyIsAddedOldReportsStayReadableTheRewrapJobMovesThemAndTheFirstKeyCanGo()
    {
        await using var smtp = await SmtpServer.Start();
        await using var first = await Portal.StartIsolated(smtp);
        var mark = Guid.NewGuid().ToString("N")[..12];
        var description = $"Stored under the first key {mark}";
        var note = $"A note under the first key {mark}";
        using var reporter = first.NewSession();
        var old = await reporter.SubmitReport(ReportAnswers.Anonymous(description).With("Category", "Other").With("ReporterRole", "OtherAdult"));
        var account = await ConsoleAccounts.Create(first, administrator: false, ("child-welfare", QueueRole.Responder));
        using (var responder = first.NewSession())
        {
            (await responder.SignInToConsole(account)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await CasePages.Press(responder, old.Reference, "Write", ("Writing", "InternalNote"), ("Note", note))).StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        }
        first.Kill();

        // The operator adds k2 and makes it current; test1 stays configured.
        await using var both = await first.StartAnother(new Dictionary<string, string>
        {
            ["Encryption__Keys__k2"] = SecondKey,
            ["Encryption__CurrentKeyId"] = "k2",
        });
        await CaseShows(both, account, old.Reference, description, note);
        using (var visitor = both.NewSession())
            await visitor.SubmitReport(ReportAnswers.Anonymous($"Stored under the second key {mark}"));
        (await KeyIds(first.ConnectionString)).ShouldBe([Portal.TestKeyId, "k2"]);

        await RewrapJob(first.ConnectionString).Run(CancellationToken.None);

        (await KeyIds(first.ConnectionString)).ShouldBe(["k2", "k2"]);
        await using (var data = NpgsqlDataSource.Create(first.ConnectionString))
            (await KeyUse.Read(data, CancellationToken.None)).ShouldBe([new KeyUse("k2", 2)]);
        both.Kill();

        await using var withoutFirst = await both.StartAnother(removed: [$"Encryption__Keys__{Portal.TestKeyId}"]);
        await CaseShows(withoutFirst, account, old.Reference, description, note);
        using var back = withoutFirst.NewSession();
        (await back.OpenReportAgain(old.Reference, old.AccessCode)).Body!.TextContent.ShouldContain(old.Reference);
    }

    private static DataKeyRewrapJob RewrapJob(string connectionString)
    {
        var options = Options.Create(new EncryptionOptions
        {
            Keys = { [Portal.TestKeyId] = Portal.TestEncryptionKey, ["k2"] = SecondKey },
            CurrentKeyId = "k2",
            RewrapBatchSize = 1,
        });
        return new DataKeyRewrapJob(NpgsqlDataSource.Create(connectionString), new KeyRing(options), options, NullLogger<DataKeyRewrapJob>.Instance);
    }

    private static async Task<List<string>> KeyIds(string connectionString)
    {
        await using var connection = await TestDatabase.OpenDatabase(connectionString);
        return (await connection.QueryAsync<string>("select key_id from reports order by id")).ToList();
    }

    private static async Task CaseShows(Portal portal, TestAccount account, string reference, params string[] texts)
    {
        using var session = portal.NewSession();
        (await session.SignInToConsole(account)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (response, page) = await CasePages.Open(session, reference);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var text in texts)
            page.Body!.TextContent.ShouldContain(text);
    }
}
