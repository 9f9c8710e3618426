using System.Text.RegularExpressions;
using Dapper;

namespace ReportingPortal.IntegrationTests.Privacy;

/// <summary>After a run of reports, nothing the portal keeps or logs can point back at the reporters' devices.</summary>
public sealed partial class PrivacyTests
{
    private const string ClientAddress = "198.51.100.77";
    private const string UserAgent = "Mozilla/5.0 (PrivacyProbe; rv:7.3) Gecko/20100101 ProbeBrowser/7.3-8c1f";
    private const string ReportText = "Privacy probe: my cousin is being messaged by a stranger.";

    // Every field a reporter may leave blank, so a blank one cannot become a place to keep something else.
    private static readonly string[] OptionalFields = ["Urls", "Platform", "Usernames", "Country", "Region", "ContactName"];

    [TestCase("filled in")]
    [TestCase("left empty")]
    public async Task NoTableAndNoLogLineHoldsAClientAddressTheUserAgentOrWhatWasReported(string optionalFields)
    {
        await using var portal = await Portal.StartIsolated(TestRun.Smtp, new Dictionary<string, string>
        {
            ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
        });
        var references = new List<string>();
        foreach (var answers in new[]
                 {
                     ReportAnswers.Anonymous(ReportText),
                     ReportAnswers.Identified("privacy-probe@family.example").With("Description", ReportText),
                 })
        {
            foreach (var field in OptionalFields)
            {
                if (optionalFields == "left empty")
                    answers.Without(field);
                else
                    answers.TryAdd($"Form.{field}", "Filled in for the privacy probe");
            }
            using var visitor = portal.NewSession().Through(ClientAddress);
            visitor.Client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
            references.Add((await visitor.SubmitReport(answers)).Reference);
            var fields = await visitor.FillReportForm(answers);
            fields.Remove("altcha");
            fields["Form.Website"] = "trap";
            references.Add((await visitor.ReadReceipt(await visitor.Post("/report", fields))).Reference);
            await visitor.SignInToConsole("privacy-probe@family.example", "wrong password", "000000");
            await visitor.Get("/no-such-page");
        }
        foreach (var reference in references)
            await StoredDeliveries.WaitUntilSettled(reference, portal.ConnectionString);

        await using var connection = await TestDatabase.OpenDatabase(portal.ConnectionString);
        var everyRow = string.Join('\n', await connection.QueryAsync<string>("""
            select t::text from (
                select c.oid::regclass as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema')
            ) tables, lateral (select query_to_xml(format('select * from %s', tables.name), true, false, '')) as t(xml)
            """));
        everyRow.ShouldContain(references[0], customMessage: "the search reads the reports table");
        (await StoredReport.Load(references[0], portal.ConnectionString)).description.ShouldBe(ReportText, "the report is stored, sealed");
        everyRow.ShouldNotContain(ReportText, customMessage: "what was reported is stored only sealed");
        everyRow.ShouldNotContain("Filled in for the privacy probe");
        everyRow.ShouldNotContain(ClientAddress);
        everyRow.ShouldNotContain("127.0.0.1");
        everyRow.ShouldNotContain("ProbeBrowser");
        everyRow.ShouldNotContain("PrivacyProbe");

        var logs = portal.Output;
        logs.ShouldContain("Executing endpoint", customMessage: "request logging was on");
        logs.ShouldNotContain(ClientAddress);
        logs.ShouldNotContain("ProbeBrowser");
        logs.ShouldNotContain("Privacy probe");
        logs.ShouldNotContain("privacy-probe@family.example");
        // The portal's own listening address is not a client's; any other address would be.
        IpAddress().Matches(logs.Replace($"127.0.0.1:{portal.Address.Port}", "")).Select(match => match.Value).ShouldBeEmpty();
    }

    [GeneratedRegex(@"\b(\d{1,3}\.){3}\d{1,3}\b|\b([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}\b|[0-9a-fA-F]{0,4}::[0-9a-fA-F]{1,4}\b")]
    private static partial Regex IpAddress();
}
