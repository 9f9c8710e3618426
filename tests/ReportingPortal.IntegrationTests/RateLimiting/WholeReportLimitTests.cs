using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace ReportingPortal.IntegrationTests.RateLimiting;

/// <summary>
/// The report limit counts reports sent, not the posts of the form's steps, and counts an IPv6 client by its /64,
/// the block one home or school network is given.
/// </summary>
public sealed class WholeReportLimitTests
{
    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal() => _portal = await Portal.Start(new Dictionary<string, string>
    {
        ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
        ["RateLimits__Reports__PermitLimit"] = "2",
        ["RateLimits__Reports__Window"] = "01:00:00",
    });

    [OneTimeTearDown]
    public async Task Stop() => await _portal.DisposeAsync();

    [Test]
    public async Task AClientCanWalkEveryStepSeveralTimesAndOnlyItsSendsCount()
    {
        using var school = _portal.NewSession().Through("198.51.100.70");
        for (var i = 0; i < 2; i++)
        {
            var fields = await WalkEveryStepTwice(school, ReportAnswers.Anonymous($"Child {i} of the class."));
            (await school.Post("/report", fields)).StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        }

        var third = await WalkEveryStepTwice(school, ReportAnswers.Anonymous("Child 2 of the class."));
        await RateLimitTests.ShouldBeKind429(await school.Post("/report", third));

        (await StoredReport.CountWithDescription("Child 2 of the class.", _portal.ConnectionString)).ShouldBe(0);
    }

    [Test]
    public async Task AnotherAddressInTheSameIPv6SlashSixtyFourSharesTheLimitAndAnotherSlashSixtyFourDoesNot()
    {
        using var first = _portal.NewSession().Through("2001:db8:70:1::10");
        for (var i = 0; i < 2; i++)
            (await first.SendReport(ReportAnswers.Anonymous($"From one IPv6 network {i}."))).StatusCode.ShouldBe(HttpStatusCode.SeeOther);

        using var sameNetwork = _portal.NewSession().Through("2001:db8:70:1:a1b2:c3d4:e5f6:1234");
        await RateLimitTests.ShouldBeKind429(await sameNetwork.SendReport(ReportAnswers.Anonymous("A new address in the same /64.")));

        using var otherNetwork = _portal.NewSession().Through("2001:db8:70:2::10");
        (await otherNetwork.SendReport(ReportAnswers.Anonymous("From the next /64."))).StatusCode.ShouldBe(HttpStatusCode.SeeOther);
    }

    /// <summary>Goes through the six steps with Continue, back to the first from the check step, through them again.</summary>
    private static async Task<Dictionary<string, string>> WalkEveryStepTwice(PortalSession visitor, Dictionary<string, string> answers)
    {
        var (opened, page) = await visitor.GetPage("/report");
        opened.StatusCode.ShouldBe(HttpStatusCode.OK);
        page = await ContinueToTheCheckStep(visitor, page, answers);
        page = await Press(visitor, page, answers, "change:you");
        page = await ContinueToTheCheckStep(visitor, page, answers);

        var fields = PortalSession.HiddenFields(page);
        fields["Go"] = "send";
        fields["altcha"] = await visitor.SolveCaptcha(page);
        return fields;
    }

    private static async Task<IHtmlDocument> ContinueToTheCheckStep(PortalSession visitor, IHtmlDocument page, Dictionary<string, string> answers)
    {
        for (var steps = 0; StepOf(page) != "check"; steps++)
        {
            steps.ShouldBeLessThan(6, "Continue leads to the check step");
            page = await Press(visitor, page, answers, "next");
        }
        return page;
    }

    private static async Task<IHtmlDocument> Press(PortalSession visitor, IHtmlDocument page, Dictionary<string, string> answers, string button)
    {
        var fields = PortalSession.HiddenFields(page);
        foreach (var (name, value) in answers)
            fields[name] = value;
        fields["Go"] = button;
        var response = await visitor.Post("/report", fields);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"pressing {button} on the {StepOf(page)} step");
        return await PortalSession.Parse(response);
    }

    private static string? StepOf(IHtmlDocument page) =>
        page.QuerySelector<IHtmlInputElement>("input[name=Step]")?.Value;
}
