using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Monitoring;

namespace ReportingPortal.UnitTests.Monitoring;

/// <summary>What the portal's instruments record, and with which tags.</summary>
public sealed class PortalMetricsTests
{
    private sealed record Measurement(string Instrument, double Value, Dictionary<string, object?> Tags);

    [Test]
    public void AnAcknowledgementSentRecordsItsLatencyAndOtherEmailsOnlyTheirCount()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new PortalMetrics(services.GetRequiredService<IMeterFactory>());
        var measured = new List<Measurement>();
        using var listener = Listen(metrics, measured);

        metrics.EmailSent(DeliveryKind.Acknowledgement, DateTime.UtcNow.AddSeconds(-3));
        metrics.EmailSent(DeliveryKind.Forward, DateTime.UtcNow.AddSeconds(-3));

        measured.Where(m => m.Instrument == "reportingportal.emails.sent").Select(m => m.Tags["kind"])
            .ShouldBe(["Acknowledgement", "Forward"]);
        var latency = measured.Where(m => m.Instrument == "reportingportal.acknowledgement.latency").ShouldHaveSingleItem();
        latency.Value.ShouldBeInRange(3, 10);
        latency.Tags.ShouldBeEmpty("no reference or address travels with a measurement");
    }

    [Test]
    public void ReportsAreCountedByPriorityAndEmailOutcomesByKindAlone()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new PortalMetrics(services.GetRequiredService<IMeterFactory>());
        var measured = new List<Measurement>();
        using var listener = Listen(metrics, measured);

        metrics.ReportReceived(Priority.Urgent);
        metrics.EmailRetried(DeliveryKind.Forward);
        metrics.EmailFailed(DeliveryKind.ReporterNotice);

        measured.Select(m => (m.Instrument, m.Value, string.Join(',', m.Tags.Select(tag => $"{tag.Key}={tag.Value}")))).ShouldBe(
        [
            ("reportingportal.reports.received", 1, "priority=Urgent"),
            ("reportingportal.emails.retried", 1, "kind=Forward"),
            ("reportingportal.emails.failed", 1, "kind=ReporterNotice"),
        ]);
    }

    private static MeterListener Listen(PortalMetrics metrics, List<Measurement> measured)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter == metrics.Meter)
                    listener.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measured.Add(new Measurement(instrument.Name, value, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
            measured.Add(new Measurement(instrument.Name, value, Tags(tags))));
        listener.Start();
        return listener;
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var all = new Dictionary<string, object?>();
        foreach (var tag in tags)
            all[tag.Key] = tag.Value;
        return all;
    }
}
