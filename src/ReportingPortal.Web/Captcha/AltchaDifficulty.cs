using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using ReportingPortal.Web.Errors;

namespace ReportingPortal.Web.Captcha;

/// <summary>
/// How much work the next challenge asks for. At the usual rate of reports it is Captcha:Altcha:MaxNumber; when more
/// reports were stored in the last minute (by every instance: it is read from the database, about once a second)
/// than Captcha:Altcha:UsualReportsPerMinute, it grows in proportion, up to Captcha:Altcha:MaxNumberCeiling:
/// maxnumber = min(MaxNumberCeiling, MaxNumber × max(1, reports in the last minute / UsualReportsPerMinute)).
/// </summary>
public sealed class AltchaDifficulty(NpgsqlDataSource database, IOptions<CaptchaOptions> options, TimeProvider clock,
    ILogger<AltchaDifficulty> logger)
{
    private static readonly TimeSpan ReadEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(2);
    private const int MostReportsCounted = 100_000;

    private Level? _last;

    public async Task<int> MaxNumber(CancellationToken cancellationToken)
    {
        var settings = options.Value.Altcha;
        if (settings.MaxNumberCeiling <= settings.MaxNumber)
            return settings.MaxNumber;
        var last = Volatile.Read(ref _last);
        var now = clock.GetUtcNow();
        if (last is not null && now - last.ReadAt < ReadEvery)
            return last.MaxNumber;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReadTimeout);
        try
        {
            var level = new Level(now, For(await RecentReports(settings, timeout.Token), settings));
            Volatile.Write(ref _last, level);
            return level.MaxNumber;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested
                                          && (exception is OperationCanceledException || DatabaseUnavailable.Is(exception)))
        {
            // A report cannot be stored now anyway; the widget still gets a challenge it can solve.
            logger.LogWarning("The recent rate of reports could not be read ({Error}); the captcha keeps its last size", exception.GetType().Name);
            return last?.MaxNumber ?? settings.MaxNumber;
        }
    }

    /// <summary>The formula in the summary, for <paramref name="recentReports"/> stored in the last minute.</summary>
    public static int For(int recentReports, AltchaOptions settings)
    {
        var scaled = Math.Round((double)settings.MaxNumber * recentReports / settings.UsualReportsPerMinute);
        return (int)Math.Clamp(scaled, settings.MaxNumber, settings.MaxNumberCeiling);
    }

    /// <summary>Reports stored in the last minute, counted among the newest only as far as the ceiling needs.</summary>
    private async Task<int> RecentReports(AltchaOptions settings, CancellationToken cancellationToken)
    {
        var enough = (int)Math.Min(MostReportsCounted,
            Math.Ceiling((double)settings.UsualReportsPerMinute * settings.MaxNumberCeiling / settings.MaxNumber));
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition("""
            select count(*) from (select received_at from reports order by id desc limit @Enough) newest
            where received_at > now() - interval '1 minute'
            """, new { Enough = enough }, cancellationToken: cancellationToken));
    }

    private sealed record Level(DateTimeOffset ReadAt, int MaxNumber);
}
