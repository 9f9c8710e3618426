using System.Diagnostics;

namespace ReportingPortal.IntegrationTests.Captcha;

/// <summary>The captcha's proof of work grows when reports arrive faster than usual, up to its ceiling.</summary>
public sealed class AdaptiveProofOfWorkTests
{
    [Test]
    public async Task ABurstOfReportsMakesTheNextChallengeHarderButNeverAboveTheCeilingAndItsSolutionStillVerifies()
    {
        // A database of its own, so no other test's reports count as recent ones.
        await using var portal = await Portal.StartIsolated(TestRun.Smtp, new Dictionary<string, string>
        {
            ["Captcha__Altcha__MaxNumber"] = "1000",
            ["Captcha__Altcha__MaxNumberCeiling"] = "4000",
            ["Captcha__Altcha__UsualReportsPerMinute"] = "2",
        });
        using var visitor = portal.NewSession();
        (await MaxNumber(visitor)).ShouldBe(1000, "at rest the challenge has the configured size");

        for (var i = 0; i < 4; i++)
            await visitor.SubmitReport(ReportAnswers.Anonymous($"Burst report {i}."));
        var afterFour = await MaxNumberOnceAtLeast(visitor, 2000);
        afterFour.ShouldBe(2000, "four reports in a minute, twice the usual two, double the work");

        for (var i = 4; i < 12; i++)
            await visitor.SubmitReport(ReportAnswers.Anonymous($"Burst report {i}."));
        (await MaxNumberOnceAtLeast(visitor, 4000)).ShouldBe(4000, "twelve reports would mean six times the work: the ceiling holds");

        var fields = await visitor.FillReportForm(ReportAnswers.Anonymous("Sent with a solution to the hardest challenge."));
        var hardest = await AltchaSolver.Fetch(visitor.Client, "/captcha/challenge");
        hardest.MaxNumber.ShouldBe(4000);
        fields["altcha"] = AltchaSolver.Solved(hardest);
        var receipt = await visitor.ReadReceipt(await visitor.Post("/report", fields));
        (await StoredReport.Load(receipt.Reference, portal.ConnectionString)).captcha_verified.ShouldBe(true);
    }

    private static async Task<int> MaxNumber(PortalSession visitor) =>
        (await AltchaSolver.Fetch(visitor.Client, "/captcha/challenge")).MaxNumber;

    /// <summary>
    /// The recent rate is read again about every second, so a new level shows within a few; on a slow machine a read
    /// between two reports of the burst shows a level on the way, so wait for the one expected (or the last seen).
    /// </summary>
    private static async Task<int> MaxNumberOnceAtLeast(PortalSession visitor, int expected)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var maxNumber = await MaxNumber(visitor);
            if (maxNumber >= expected || waited.Elapsed > TimeSpan.FromSeconds(10))
                return maxNumber;
            await Task.Delay(200);
        }
    }
}
