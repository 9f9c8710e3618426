using System.Net;
using ReportingPortal.IntegrationTests.RateLimiting;

namespace ReportingPortal.IntegrationTests.Reports;

/// <summary>
/// A form sent again shows its access code only to the browser that sent it, for a few minutes; anyone else who
/// posts its form key faces the captcha and the limits of a new report and is told at most that it was received.
/// </summary>
public sealed class ResendTests
{
    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal() => _portal = await Portal.Start(new Dictionary<string, string>
    {
        // Each test sends from client addresses of its own, so the small report limit is theirs alone.
        ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
        ["RateLimits__Reports__PermitLimit"] = "3",
        ["RateLimits__Reports__Window"] = "01:00:00",
    });

    [OneTimeTearDown]
    public async Task Stop() => await _portal.DisposeAsync();

    [Test]
    public async Task TheSameBrowserSendingTheFormAgainWithinTheWindowSeesTheSameReceipt()
    {
        using var reporter = _portal.NewSession().Through("198.51.100.81");
        var fields = await reporter.FillReportForm(ReportAnswers.Anonymous("Sent, then Back and Send again."));
        var first = await reporter.ReadReceipt(await reporter.Post("/report", fields));

        var again = await reporter.ReadReceipt(await reporter.Post("/report", fields));

        again.Reference.ShouldBe(first.Reference);
        again.AccessCode.ShouldBe(first.AccessCode);
    }

    [Test]
    public async Task AnotherBrowserPostingTheFormKeyWithAWrongCaptchaIsRefusedLikeANewReport()
    {
        var (formKey, first) = await Report("198.51.100.82", "A report whose form key leaked.");
        using var stranger = _portal.NewSession().Through("198.51.100.92");
        var fields = await FormWithKey(stranger, formKey, "Different text with the leaked key.");
        fields["altcha"] = Convert.ToBase64String("{\"challenge\":\"guess\",\"number\":1}"u8);

        var response = await stranger.Post("/report", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("The check that a person is sending this form did not work");
        body.ShouldNotContain(first.AccessCode);
        body.ShouldNotContain(first.Reference);
    }

    [Test]
    public async Task AnotherBrowserPostingTheFormKeyWithAValidCaptchaIsOnlyToldTheReportWasReceived()
    {
        var (formKey, first) = await Report("198.51.100.83", "A report sent once, then posted from elsewhere.");
        using var stranger = _portal.NewSession().Through("198.51.100.93");
        var fields = await FormWithKey(stranger, formKey, "Other words with the same form key.");

        var sent = await stranger.Post("/report", fields);
        sent.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var (response, page) = await stranger.GetPage(sent.Headers.Location!.ToString());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = page.Body!.TextContent;
        body.ShouldContain("We already have this report");
        page.QuerySelector("#reference")!.TextContent.Trim().ShouldBe(first.Reference);
        body.ShouldNotContain(first.AccessCode);
        page.Body.InnerHtml.ShouldNotContain(first.AccessCode.Replace("-", ""));
        (await StoredReport.CountWithDescription("Other words with the same form key.", _portal.ConnectionString)).ShouldBe(0);
    }

    [Test]
    public async Task ResendsFromAnotherBrowserCountAgainstTheReportLimit()
    {
        var (formKey, first) = await Report("198.51.100.84", "A report resent over and over from elsewhere.");
        using var stranger = _portal.NewSession().Through("198.51.100.94");
        var fields = await FormWithKey(stranger, formKey, "Resent over and over.");

        for (var i = 0; i < 3; i++)
        {
            var resent = await stranger.Post("/report", fields);
            resent.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
            var (_, page) = await stranger.GetPage(resent.Headers.Location!.ToString());
            page.Body!.InnerHtml.ShouldNotContain(first.AccessCode);
        }
        var refused = await stranger.Post("/report", fields);

        (await refused.Content.ReadAsStringAsync()).ShouldNotContain(first.AccessCode);
        await RateLimitTests.ShouldBeKind429(refused);
    }

    [Test]
    public async Task AfterTheWindowTheSameBrowserIsOnlyToldTheReportWasReceived()
    {
        await using var portal = await _portal.StartAnother(new Dictionary<string, string> { ["Receipts__ResendWindow"] = "00:00:02" },
            PortalProcesses.WebOnly);
        using var reporter = portal.NewSession();
        var fields = await reporter.FillReportForm(ReportAnswers.Anonymous("Back and Send again, much later."));
        var first = await reporter.ReadReceipt(await reporter.Post("/report", fields));
        await Task.Delay(TimeSpan.FromSeconds(3));

        var sent = await reporter.Post("/report", fields);
        sent.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var (response, page) = await reporter.GetPage(sent.Headers.Location!.ToString());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Body!.TextContent.ShouldContain("We already have this report");
        page.QuerySelector("#reference")!.TextContent.Trim().ShouldBe(first.Reference);
        page.Body.InnerHtml.ShouldNotContain(first.AccessCode);
    }

    /// <summary>This browser's own form, filled in with other words, but carrying another report's form key.</summary>
    private static async Task<Dictionary<string, string>> FormWithKey(PortalSession browser, string formKey, string description)
    {
        var fields = await browser.FillReportForm(ReportAnswers.Anonymous(description));
        fields["Form.FormKey"] = formKey;
        return fields;
    }

    /// <summary>Sends a report from its own browser and client address; returns its form key and its receipt.</summary>
    private async Task<(string FormKey, Receipt Receipt)> Report(string clientAddress, string description)
    {
        using var reporter = _portal.NewSession().Through(clientAddress);
        var fields = await reporter.FillReportForm(ReportAnswers.Anonymous(description));
        var receipt = await reporter.ReadReceipt(await reporter.Post("/report", fields));
        receipt.AccessCode.ShouldNotBeEmpty();
        return (fields["Form.FormKey"], receipt);
    }
}
