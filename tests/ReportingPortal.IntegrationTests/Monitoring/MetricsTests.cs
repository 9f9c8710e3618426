using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace ReportingPortal.IntegrationTests.Monitoring;

/// <summary>The Prometheus metrics on the management ports, counted as reports and emails go through.</summary>
public sealed class MetricsTests
{
    [Test]
    public async Task MetricsAreNotServedOnThePublicPortAndTheWebSitesManagementPortServesNothingElse()
    {
        var portal = await Portal.Shared();
        using var client = new HttpClient();

        (await client.GetAsync(new Uri(portal.Address, "/metrics"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync(new Uri(portal.WebManagementAddress, "/metrics"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync(new Uri(portal.WebManagementAddress, "/health/ready"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync(new Uri(portal.WebManagementAddress, "/report"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task ReportsReceivedAndEmailsSentAreCountedWithTheOutboxAndTheAcknowledgementLatency()
    {
        await using var portal = await Portal.StartIsolated(TestRun.Smtp);
        using var client = new HttpClient();
        var webMetrics = new Uri(portal.WebManagementAddress, "/metrics");
        var workerMetrics = new Uri(portal.WorkerManagementAddress, "/metrics");
        var receivedBefore = Sum(await client.GetStringAsync(webMetrics), "reportingportal_reports_received_total");

        using var visitor = portal.NewSession();
        var receipt = await visitor.SubmitReport(ReportAnswers.Identified("metrics-probe@family.example"));
        await StoredDeliveries.WaitUntilSettled(receipt.Reference, portal.ConnectionString);

        var web = await Eventually(webMetrics, text => Sum(text, "reportingportal_reports_received_total") >= receivedBefore + 1);
        Sum(web, "reportingportal_reports_received_total").ShouldBe(receivedBefore + 1, web);
        web.ShouldContain("priority=\"");
        web.ShouldContain("http_server_request_duration_seconds");
        var worker = await Eventually(workerMetrics, text => Sum(text, "reportingportal_emails_sent_total", "kind=\"Acknowledgement\"") >= 1);
        Sum(worker, "reportingportal_emails_sent_total", "kind=\"Forward\"").ShouldBeGreaterThanOrEqualTo(1, worker);
        Sum(worker, "reportingportal_acknowledgement_latency_seconds_count").ShouldBe(1, worker);
        worker.ShouldContain("reportingportal_outbox_depth");
        worker.ShouldContain("reportingportal_outbox_oldest_due_age_seconds");
        foreach (var metrics in new[] { web, worker })
        {
            metrics.ShouldNotContain(receipt.Reference);
            metrics.ShouldNotContain("metrics-probe");
        }
    }

    [Test]
    public async Task EmailsThatCannotBeSentAreCountedAsRetriedThenFailed()
    {
        await using var smtp = await SmtpServer.Start();
        await using var portal = await Portal.StartIsolated(smtp, new Dictionary<string, string>
        {
            ["Delivery__RetryFor"] = "00:00:02",
            ["Smtp__TimeoutSeconds"] = "2",
        });
        await smtp.Stop();
        using var visitor = portal.NewSession();
        var receipt = await visitor.SubmitReport(ReportAnswers.Identified("undeliverable@family.example"));
        await StoredDeliveries.WaitUntilSettled(receipt.Reference, portal.ConnectionString);

        using var client = new HttpClient();
        var worker = await Eventually(new Uri(portal.WorkerManagementAddress, "/metrics"),
            text => Sum(text, "reportingportal_emails_failed_total", "kind=\"Acknowledgement\"") >= 1);
        Sum(worker, "reportingportal_emails_retried_total").ShouldBeGreaterThanOrEqualTo(1, worker);
        Sum(worker, "reportingportal_emails_sent_total").ShouldBe(0, worker);
    }

    /// <summary>The sum of a metric's samples, over every series or those with <paramref name="label"/>.</summary>
    private static double Sum(string metrics, string name, string label = "") =>
        metrics.Split('\n')
            .Where(line => (line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
                           && line.Contains(label, StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.Contains('}') ? line.LastIndexOf('}') + 1 : name.Length)..].Trim().Split(' ')[0],
                CultureInfo.InvariantCulture));

    private static async Task<string> Eventually(Uri metrics, Func<string, bool> condition)
    {
        using var client = new HttpClient();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var text = await client.GetStringAsync(metrics);
            if (condition(text) || waited.Elapsed > TimeSpan.FromSeconds(30))
                return text;
            await Task.Delay(250);
        }
    }
}
