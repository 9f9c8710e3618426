using System.Text.Json;

namespace ReportingPortal.IntegrationTests.Monitoring;

/// <summary>In Production both processes write one JSON object per line, for a log collector, and still no client address.</summary>
public sealed class ProductionLogsTests
{
    private const string ClientAddress = "198.51.100.93";

    [Test]
    public async Task InProductionEveryLogLineIsJsonWithAUtcTimestampAndNoClientAddress()
    {
        await using var portal = await Portal.StartIsolated(TestRun.Smtp, new Dictionary<string, string>
        {
            ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
        });
        using var visitor = portal.NewSession().Through(ClientAddress);
        var receipt = await visitor.SubmitReport(ReportAnswers.Identified("json-logs@family.example"));
        await StoredDeliveries.WaitUntilSettled(receipt.Reference, portal.ConnectionString);
        await visitor.Get("/no-such-page");

        var lines = portal.Output.Split('\n');
        lines.ShouldContain(line => line.StartsWith("web: ", StringComparison.Ordinal));
        lines.ShouldContain(line => line.StartsWith("worker: ", StringComparison.Ordinal));
        foreach (var line in lines)
        {
            var json = line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..];
            using var entry = JsonDocument.Parse(json);
            entry.RootElement.GetProperty("Timestamp").GetString()!.EndsWith('Z').ShouldBeTrue(line);
            entry.RootElement.GetProperty("LogLevel").GetString().ShouldNotBeNullOrEmpty(line);
            entry.RootElement.GetProperty("Message").GetString().ShouldNotBeNull(line);
        }
        portal.Output.ShouldContain("Executing endpoint", customMessage: "request logging was on");
        portal.Output.ShouldNotContain(ClientAddress);
        portal.Output.ShouldNotContain("json-logs@family.example");
    }
}
