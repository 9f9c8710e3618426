using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ReportingPortal.Core.Statistics;

namespace ReportingPortal.Web.Statistics;

/// <summary>The public figures: reports of the last whole quarters by category and by outcome, small counts hidden.</summary>
public sealed class QuarterlyModel(PublicStatistics statistics, IStringLocalizer<SharedResource> text) : PageModel
{
    public QuarterlyStatistics? Statistics { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Statistics = await statistics.Read(cancellationToken);

    public string QuarterName(DateOnly quarter) =>
        text["Statistics.QuarterName", quarter.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), (quarter.Month - 1) / 3 + 1];

    public string Count(long count) => SmallCounts.Show(count, text["Statistics.FewerThanTen"]);

    /// <summary>An outcome's public wording; an outcome an operator added without one is shown by its name.</summary>
    public string Outcome(string outcome)
    {
        var wording = text[outcome == "" ? "Statistics.Outcome.Open" : $"Statistics.Outcome.{outcome}"];
        return wording.ResourceNotFound ? outcome : wording;
    }
}
