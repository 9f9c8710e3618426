using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportingPortal.Core.Statistics;
using ReportingPortal.Web.Accounts;

namespace ReportingPortal.Web.Statistics;

/// <summary>
/// Reports per ISO week for supervisors (their queues) and administrators (every queue): by category, priority,
/// country, queue, reporter role and outcome, with case times and deadlines met, on the page and as CSV.
/// </summary>
[Authorize(Policy = ConsoleAuthentication.AnyAccount)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class WeeklyModel(StatisticsQuery query, StatisticsLabels labels, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    public StatisticsLabels Labels => labels;

    /// <summary>Set when the account supervises no queue and is no administrator.</summary>
    public bool Refused { get; private set; }

    public bool AllQueues { get; private set; }

    public StatisticsWeeks? Weeks { get; private set; }

    public WeeklyStatistics? Statistics { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (scope, weeks) = await Choose(cancellationToken);
        if (scope is not null && weeks is not null)
            Statistics = await query.Weekly(weeks, scope, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var (scope, weeks) = await Choose(cancellationToken);
        if (scope is null || weeks is null)
            return Page();
        var statistics = await query.Weekly(weeks, scope, cancellationToken);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition =
            $"attachment; filename=\"statistics-{StatisticsWeeks.IsoName(weeks.FirstMonday)}-{StatisticsWeeks.IsoName(weeks.Mondays[^1])}.csv\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await StatisticsCsv.Write(statistics, labels, writer);
        return new EmptyResult();
    }

    /// <summary>Whose reports the account may count and the weeks asked for; sets 403 or 400 when either is missing.</summary>
    private async Task<(StatisticsScope? Scope, StatisticsWeeks? Weeks)> Choose(CancellationToken cancellationToken)
    {
        var scope = await query.ScopeOf(User.AccountId(), cancellationToken);
        if (scope is null)
        {
            Refused = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return (null, null);
        }
        AllQueues = scope.AllQueues;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var latest = StatisticsWeeks.Latest(today);
        Weeks = ModelState.IsValid ? StatisticsWeeks.Between(From ?? latest.FirstMonday, To ?? (From is null ? today : From.Value.AddDays(7 * StatisticsWeeks.DefaultWeeks - 1))) : null;
        if (Weeks is null)
            Response.StatusCode = StatusCodes.Status400BadRequest;
        return (scope, Weeks);
    }

    /// <summary>The case times of each week by its ISO name, then those of the whole range as "all"; a week without reports has zeros.</summary>
    public static IEnumerable<(string Week, CaseTimes Times)> TimesByWeek(WeeklyStatistics statistics) =>
        statistics.Weeks.Mondays.Select(week => (StatisticsWeeks.IsoName(week), statistics.TimesOf(week) ?? CaseTimes.NoneIn(week)))
            .Append(("all", statistics.WholeRange ?? CaseTimes.NoneIn(null)));

    /// <summary>The CSV of the weeks shown.</summary>
    public string CsvLink() => Routes.ConsoleStatistics + QueryString.Create(new Dictionary<string, string?>
    {
        ["from"] = Weeks!.FirstMonday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = Weeks.LastSunday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["handler"] = "csv",
    });
}
