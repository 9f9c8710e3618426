using System.Diagnostics.Metrics;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Reports;
using ReportingPortal.Core.Screening;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Monitoring;

/// <summary>
/// The portal's own instruments on the meter "ReportingPortal". Tags hold only a priority or a kind of email: never a
/// reference, an address or anything a report says.
/// </summary>
public sealed class PortalMetrics
{
    public const string MeterName = "ReportingPortal";

    // From a fraction of a second (a quiet worker) to an hour (the mail server was down).
    private static readonly double[] LatencyBuckets = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600];

    private readonly Counter<long> _reportsReceived;
    private readonly Counter<long> _reportsScreened;
    private readonly Counter<long> _emailsSent;
    private readonly Counter<long> _emailsRetried;
    private readonly Counter<long> _emailsFailed;
    private readonly Histogram<double> _acknowledgementLatency;

    public PortalMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(MeterName);
        _reportsReceived = Meter.CreateCounter<long>("reportingportal.reports.received", "{report}", "Reports stored, by priority.");
        _reportsScreened = Meter.CreateCounter<long>("reportingportal.reports.screened", "{report}",
            "Reports stored for screening, by reason (a report with several reasons counts once under each).");
        _emailsSent = Meter.CreateCounter<long>("reportingportal.emails.sent", "{email}", "Emails the mail server accepted, by kind.");
        _emailsRetried = Meter.CreateCounter<long>("reportingportal.emails.retried", "{email}",
            "Failed attempts to send an email that will be tried again, by kind.");
        _emailsFailed = Meter.CreateCounter<long>("reportingportal.emails.failed", "{email}",
            "Emails given up on (visible on the console's mail page), by kind.");
        _acknowledgementLatency = Meter.CreateHistogram("reportingportal.acknowledgement.latency", "s",
            "Seconds from a report being received to its acknowledgement email being accepted by the mail server.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
    }

    public Meter Meter { get; }

    public void ReportReceived(Priority priority) =>
        _reportsReceived.Add(1, new KeyValuePair<string, object?>("priority", priority.Stored()));

    public void ReportScreened(IEnumerable<ScreeningReason> reasons)
    {
        foreach (var reason in reasons)
            _reportsScreened.Add(1, new KeyValuePair<string, object?>("reason", reason.Stored()));
    }

    public void EmailSent(DeliveryKind kind, DateTime reportReceivedAt)
    {
        _emailsSent.Add(1, KindTag(kind));
        if (kind == DeliveryKind.Acknowledgement)
            _acknowledgementLatency.Record(Math.Max(0, (DateTime.UtcNow - reportReceivedAt.ToUniversalTime()).TotalSeconds));
    }

    public void EmailRetried(DeliveryKind kind) => _emailsRetried.Add(1, KindTag(kind));

    public void EmailFailed(DeliveryKind kind) => _emailsFailed.Add(1, KindTag(kind));

    private static KeyValuePair<string, object?> KindTag(DeliveryKind kind) => new("kind", kind.Stored());
}
