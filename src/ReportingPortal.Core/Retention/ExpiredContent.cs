using Dapper;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Retention;

/// <summary>
/// The one rule for content past its retention, for the job that deletes it and the page that counts what is due:
/// a closed case, content still kept, closed longer ago than its period (the spam one for the spam outcome).
/// </summary>
public static class ExpiredContent
{
    /// <summary>The condition on <c>reports r</c> joined with <c>cases c</c>; its parameters come from <see cref="Parameters"/>.</summary>
    public const string Condition = """
        c.status = @Closed and r.content_deleted_at is null
        and c.closed_at < @now - case when c.outcome = @SpamOutcome then @SpamKeptFor else @ClosedKeptFor end
        """;

    public static DynamicParameters Parameters(RetentionOptions settings, DateTimeOffset now, object others)
    {
        var parameters = new DynamicParameters(new
        {
            Closed = CaseStatus.Closed.Stored(), now, settings.SpamOutcome,
            SpamKeptFor = settings.SpamContentKeptFor, ClosedKeptFor = settings.ClosedContentKeptFor,
        });
        parameters.AddDynamicParams(others);
        return parameters;
    }
}
