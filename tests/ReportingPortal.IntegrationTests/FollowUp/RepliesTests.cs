using System.Net;
using AngleSharp.Dom;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ReportingPortal.Core.Accounts;
using ReportingPortal.Core.Audit;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.IntegrationTests.FollowUp;

/// <summary>
/// The reporter answers or adds information: stored as a message from the reporter, with a content-free notice owed
/// to the queues while nobody owns the case and to its owner once someone does. A portal with a database of its own,
/// so the notices owed are only these tests'.
/// </summary>
public sealed class RepliesTests
{
    private SmtpServer _smtp = null!;
    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal()
    {
        _smtp = await SmtpServer.Start();
        _portal = await Portal.StartIsolated(_smtp);
    }

    [OneTimeTearDown]
    public async Task StopPortal()
    {
        await _portal.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Test]
    public async Task AReplyIsStoredAndNoticesGoToTheQueuesThenToTheOwnerAndNothingOfItIsLogged()
    {
        using var reporter = _portal.NewSession();
        var receipt = await reporter.SubmitReport(ReportAnswers.Anonymous());
        await reporter.OpenReportAgain(receipt.Reference, receipt.AccessCode);
        var text = $"I found another account {Guid.NewGuid():N}";
        var link = $"https://social.example/{Guid.NewGuid():N}";

        var sent = await reporter.ReplyOnFollowUp(text + "\r\nwith a second line\u200B", link);

        sent.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        sent.Headers.Location!.ToString().ShouldBe("/follow-up/report?sent=true");
        var (_, page) = await reporter.GetPage(sent.Headers.Location!.ToString());
        page.QuerySelector("[role=status]")!.TextContent.ShouldContain("Your message has been sent");
        page.QuerySelector(".message.from-reporter .message-body")!.TextContent.ShouldBe(text + "\nwith a second line");
        page.QuerySelector(".message.from-reporter .message-links li")!.TextContent.ShouldBe(link);

        var stored = await Messages(receipt.Reference);
        stored.ShouldHaveSingleItem().ShouldBe($"FromReporter|{text}\nwith a second line|{link}");
        var forwardedTo = await Recipients(receipt.Reference, DeliveryKind.Forward);
        forwardedTo.ShouldNotBeEmpty();
        (await Recipients(receipt.Reference, DeliveryKind.ReplyNotice)).ShouldBe(forwardedTo, ignoreOrder: true,
            "nobody owns the case: every address of its queues, each once, with its queue");

        var queue = (await Queues(receipt.Reference)).First();
        var owner = await ConsoleAccounts.Create(_portal, false, (queue, QueueRole.Responder));
        await using (var services = PortalServices.For(_portal))
            (await services.GetRequiredService<TakeCaseHandler>().Handle(receipt.Reference, owner.Id, CancellationToken.None)).Succeeded.ShouldBeTrue();
        (await reporter.GetPage("/follow-up/report")).Page.QuerySelector("#reporter-status")!.GetAttribute("data-status").ShouldBe("BeingLookedAt");
        (await reporter.ReplyOnFollowUp("", "https://social.example/more")).StatusCode.ShouldBe(HttpStatusCode.SeeOther);

        var notices = await Recipients(receipt.Reference, DeliveryKind.ReplyNotice);
        notices.Count.ShouldBe(forwardedTo.Count + 1);
        notices.ShouldContain($"{owner.Email} ");
        (await Audit(receipt.Reference)).Where(line => line.Action == AuditAction.ReporterReplied)
            .ShouldAllBe(line => line.Actor == null && line.Detail == null);
        (await Audit(receipt.Reference)).Count(line => line.Action == AuditAction.ReporterReplied).ShouldBe(2);

        var logs = _portal.Output;
        foreach (var secret in new[] { receipt.Reference, receipt.AccessCode, text, link, "social.example/more" })
            logs.ShouldNotContain(secret);
    }

    [TestCase("", "", "Please write a message or add a link.")]
    [TestCase("", "not a link", "Each link must be a full web address")]
    [TestCase("x", "javascript:alert(1)", "Each link must be a full web address")]
    public async Task AReplyThatCannotBeSentGetsAKindMessage(string message, string urls, string expected)
    {
        using var reporter = _portal.NewSession();
        var receipt = await reporter.SubmitReport(ReportAnswers.Anonymous());
        await reporter.OpenReportAgain(receipt.Reference, receipt.AccessCode);

        var response = await reporter.ReplyOnFollowUp(message, urls);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await PortalSession.Parse(response);
        page.QuerySelector(".error-summary")!.TextContent.ShouldContain(expected);
        page.QuerySelector("#Reply_Urls")!.TextContent.ShouldBe(urls);
        (await Messages(receipt.Reference)).ShouldBeEmpty();
    }

    [Test]
    public async Task AReplyOverTheFormsLimitsIsRefusedKindly()
    {
        using var reporter = _portal.NewSession();
        var receipt = await reporter.SubmitReport(ReportAnswers.Anonymous());
        await reporter.OpenReportAgain(receipt.Reference, receipt.AccessCode);

        var tooLong = await reporter.ReplyOnFollowUp(new string('a', ReportForm.MaxDescriptionLength + 1));
        var tooMany = await reporter.ReplyOnFollowUp("links", string.Join('\n', Enumerable.Range(0, 21).Select(i => $"https://example.org/{i}")));

        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooLong.Content.ReadAsStringAsync()).ShouldContain("Please keep this to 10000 characters or fewer.");
        tooMany.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooMany.Content.ReadAsStringAsync()).ShouldContain("Please give at most 20 links.");
        (await Messages(receipt.Reference)).ShouldBeEmpty();
    }

    [Test]
    public async Task AClosedCaseShowsItsOutcomeOnlyWhenSharedAndTakesNoReply()
    {
        using var reporter = _portal.NewSession();
        var receipt = await reporter.SubmitReport(ReportAnswers.Anonymous().With("ReporterRole", "ChildAboutThemselves"));
        var page = await reporter.OpenReportAgain(receipt.Reference, receipt.AccessCode);
        var form = page.QuerySelector("#reply-form")!;
        var fields = form.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlInputElement>("input[type=hidden]").ToDictionary(input => input.Name!, input => input.Value);
        var queue = (await Queues(receipt.Reference)).First();
        var owner = await ConsoleAccounts.Create(_portal, false, (queue, QueueRole.Responder));
        await using (var services = PortalServices.For(_portal))
        {
            (await services.GetRequiredService<TakeCaseHandler>().Handle(receipt.Reference, owner.Id, CancellationToken.None)).Succeeded.ShouldBeTrue();
            (await services.GetRequiredService<CloseCaseHandler>().Handle(receipt.Reference, owner.Id, "ContentRemoved", shareOutcome: false, CancellationToken.None)).Succeeded.ShouldBeTrue();
        }

        var (_, closed) = await reporter.GetPage("/follow-up/report");
        closed.QuerySelector("#reporter-status")!.TextContent.Trim().ShouldBe("Your report is closed.");
        closed.QuerySelector("#reply-form").ShouldBeNull();
        closed.QuerySelector("a[href='/report']").ShouldNotBeNull();
        fields["Reply.Message"] = "one more thing";
        var refused = await reporter.Post("/follow-up/report", fields);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Messages(receipt.Reference)).ShouldBeEmpty();

        await using (var connection = await TestDatabase.OpenDatabase(_portal.ConnectionString))
            await connection.ExecuteAsync("update cases set outcome_shared = true where report_id = (select id from reports where reference = @Reference)", new { receipt.Reference });
        (await reporter.GetPage("/follow-up/report")).Page.QuerySelector("#reporter-status")!.TextContent.Trim()
            .ShouldBe("Your report is closed: the content was removed.");
    }

    /// <summary>"direction|body|urls" for each message of the report without an author.</summary>
    private async Task<IReadOnlyList<string>> Messages(string reference) =>
        (await StoredMessages.For(reference, _portal.ConnectionString)).Where(message => message.Author is null)
            .Select(message => $"{message.Direction}|{message.Body}|{string.Join(' ', message.Urls)}").ToList();

    /// <summary>"address queue" for each email of the kind owed for the report.</summary>
    private async Task<List<string>> Recipients(string reference, DeliveryKind kind)
    {
        await using var connection = await TestDatabase.OpenDatabase(_portal.ConnectionString);
        return (await connection.QueryAsync<string>("""
            select d.recipient || ' ' || coalesce(d.queue, '') from mail_deliveries d join reports r on r.id = d.report_id
            where r.reference = @reference and d.kind = @Kind
            """, new { reference, Kind = kind.Stored() })).ToList();
    }

    private sealed record AuditLine(AuditAction Action, long? Actor, string? Detail);

    private async Task<IReadOnlyList<AuditLine>> Audit(string reference)
    {
        await using var connection = await TestDatabase.OpenDatabase(_portal.ConnectionString);
        return (await connection.QueryAsync<AuditLine>("""
            select l.action, l.actor_account_id as Actor, l.detail from audit_log l join reports r on r.id = l.report_id
            where r.reference = @reference order by l.id
            """, new { reference })).ToList();
    }

    private async Task<string[]> Queues(string reference)
    {
        await using var connection = await TestDatabase.OpenDatabase(_portal.ConnectionString);
        return (await connection.QueryAsync<string>(
            "select unnest(c.queues) from cases c join reports r on r.id = c.report_id where r.reference = @reference", new { reference })).ToArray();
    }
}
