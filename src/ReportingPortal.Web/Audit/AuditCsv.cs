using System.Globalization;
using ReportingPortal.Core.Audit;
using ReportingPortal.Web.Shared;

namespace ReportingPortal.Web.Audit;

/// <summary>The audit log as CSV (<see cref="Csv"/>).</summary>
public static class AuditCsv
{
    public static readonly string[] Header = ["time_utc", "actor", "action", "reference", "subject_account", "detail"];

    public static async Task Write(IAsyncEnumerable<AuditRow> rows, TextWriter writer, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(Csv.Line(Header));
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(Csv.Line(
            [
                row.At.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                row.ActorEmail,
                row.Action.ToString(),
                row.Reference,
                row.SubjectEmail,
                row.Detail,
            ]));
        }
    }
}
