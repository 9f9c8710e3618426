using System.Net;
using Dapper;

namespace ReportingPortal.IntegrationTests.Security;

public sealed class SharedKeysTests
{
    [Test]
    public async Task AFormOpenedOnOneInstanceCanBeSentToAnotherOnTheSameDatabase()
    {
        // Separate home folders, so nothing but the database can carry the keys from one process to the other.
        await using var first = await Portal.Start(new Dictionary<string, string> { ["HOME"] = NewFolder() });
        await using var second = await first.StartAnother(new Dictionary<string, string> { ["HOME"] = NewFolder() });
        using var visitor = first.NewSession();
        var fields = await visitor.FillReportForm(ReportAnswers.Anonymous("Opened on one instance, sent to another."));

        var response = await visitor.Client.PostAsync(new Uri(second.Address, "/report"), new FormUrlEncodedContent(fields));

        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var receipt = await visitor.Client.GetAsync(new Uri(second.Address, response.Headers.Location!.ToString()));
        var page = await PortalSession.Parse(receipt);
        var reference = page.QuerySelector("#reference").ShouldNotBeNull().TextContent.Trim();
        (await StoredReport.Load(reference)).seconds_to_fill.ShouldNotBeNull("the form's timestamp from the first instance was read by the second");
        await using var connection = await TestDatabase.Open();
        (await connection.ExecuteScalarAsync<long>("select count(*) from data_protection_keys where xml like '<key %'")).ShouldBeGreaterThan(0);
    }

    private static string NewFolder() => Directory.CreateTempSubdirectory("rp-home-").FullName;
}
