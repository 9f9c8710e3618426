using System.Globalization;
using System.Resources;
using Dapper;
using Microsoft.Playwright;
using MimeKit;
using ReportingPortal.Core.Accounts;
using ReportingPortal.Core.Audit;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.IntegrationTests.Browser;

/// <summary>
/// The way back, end to end in Chromium: a child reports in Arabic on a 360 px screen and keeps the receipt; a
/// responder takes the case and writes to them; the child comes back with the reference and access code, reads the
/// message and answers with a link; the owner and the child's inbox each get a notice that carries nothing written.
/// </summary>
[Category("Browser")]
public sealed class FollowUpLoopBrowserTests
{
    private static readonly ResourceManager Text =
        new("ReportingPortal.Core.Resources.SharedResource", typeof(ReportingPortal.Core.SharedResource).Assembly);

    // A child reporting sextortion about themselves: high priority, routed to the police cyber unit and psychosocial support.
    private const string Queue = "police-cyber";
    private const string Description = "شخص يهددني بنشر صوري إذا لم أرسل المزيد.";
    private const string ResponderMessage = "شكرًا لأنك أخبرتنا. هل تتذكر اسم الحساب الذي يراسلك؟";
    private const string ReporterAnswer = "اسم الحساب هو النمر الأزرق، وهذا رابطه.";
    private const string ReporterLink = "https://chat.example/u/blue-tiger-2026";

    private static string Say(string key) => Text.GetString(key, CultureInfo.GetCultureInfo("ar"))!;

    [Test]
    public async Task AChildComesBackWithTheReceiptReadsARespondersMessageAndAnswersWithALink()
    {
        var portal = await Portal.Shared();
        var smtp = SmtpServer.Shared;
        var childEmail = $"child-{Guid.NewGuid():N}@family.example";
        var responder = await ConsoleAccounts.Create(portal, false, (Queue, QueueRole.Responder));
        var axe = new List<string>();

        // The child reports in Arabic on a small screen, gives an email address, and keeps the receipt.
        await using var child = await Browsers.Open(portal.Address, "ar", width: 360);
        var page = await child.NewPage();
        await page.GotoAsync("/report");
        await page.CheckAsync("#Form_ReporterRole_ChildAboutThemselves");
        await Continue(page);
        await page.CheckAsync("#Form_Category_Sextortion");
        await page.FillAsync("#Form_Description", Description);
        await Continue(page);
        await page.FillAsync("#Form_Platform", "تطبيق دردشة");
        await page.CheckAsync("#Form_When_ThisWeek");
        await Continue(page);
        await page.CheckAsync("#Form_ChildAge_From13To15");
        await page.CheckAsync("#Form_ChildInDanger_No");
        await Continue(page);
        await page.CheckAsync("#Form_Contact_Email");
        await page.FillAsync("#Form_ContactEmail", childEmail);
        await Continue(page);
        await page.ClickAsync("button[name=Go][value=send]");
        await page.WaitForURLAsync("**/report/receipt");
        var reference = (await page.TextContentAsync("#reference"))!.Trim();
        var accessCode = (await page.TextContentAsync("#access-code"))!.Trim();
        (await page.TextContentAsync("main"))!.ShouldContain(Say("Receipt.FollowUp.Child"), customMessage: "the receipt says how to come back");
        await page.CloseAsync();

        // A responder of the queue takes the case and writes to the reporter.
        await using (var console = await Browsers.Open(portal.Address))
        {
            var casePage = await console.SignInToConsole(responder);
            await casePage.GotoAsync($"/console/cases/{reference}");
            await casePage.ClickAsync("#take");
            await Assertions.Expect(casePage.Locator("#reporter-status")).ToHaveAttributeAsync("data-status", "BeingLookedAt");
            await casePage.CheckAsync("#Writing-MessageToReporter");
            await casePage.FillAsync("#Note", ResponderMessage);
            await casePage.ClickAsync("form.write button[type=submit]");
            await Assertions.Expect(casePage.Locator("#conversation")).ToContainTextAsync(ResponderMessage);
            // The responder sees the page the child will see, in Arabic, with their words and not their name.
            var preview = casePage.Locator("#reporter-sees");
            (await preview.GetAttributeAsync("dir")).ShouldBe("rtl");
            await Assertions.Expect(preview).ToContainTextAsync(Say("FollowUp.Status.BeingLookedAt.Child"));
            await Assertions.Expect(preview).ToContainTextAsync(ResponderMessage);
            (await preview.InnerTextAsync()).ShouldNotContain(responder.DisplayName);
            (await preview.InnerTextAsync()).ShouldNotContain(Description);
            axe.AddRange(await AxeChecks.Violations(casePage, "case with a message to the reporter"));
        }

        // The child's inbox gets a notice in Arabic that a message waits: the reference only.
        var notice = (await smtp.WaitFor(messages => messages.Any(message => IsNoticeTo(message, childEmail, reference, "reporternotice"))))
            .Single(message => IsNoticeTo(message, childEmail, reference, "reporternotice"));
        notice.HtmlBody!.ShouldContain("lang=\"ar\"");
        notice.TextBody!.ShouldContain(string.Format(CultureInfo.InvariantCulture, Say("ReporterNotice.NewMessage"), reference));
        ShouldCarryNothingWritten(notice, accessCode);

        // The child comes back from the header, types the receipt loosely, and reads the message.
        page = await child.NewPage();
        await page.GotoAsync("/");
        await page.ClickAsync(".site-nav a[href='/follow-up']");
        await page.FillAsync("#Reference", " " + reference.ToLowerInvariant().Replace('-', ' ') + " ");
        await page.FillAsync("#AccessCode", accessCode.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal));
        await CaptchaWidget.Solve(page);
        await page.ClickAsync("#follow-up-form button[type=submit]");
        await page.WaitForURLAsync("**/follow-up/report");
        (await page.GetAttributeAsync("html", "dir")).ShouldBe("rtl");
        (await page.TextContentAsync("#reporter-reference"))!.Trim().ShouldBe(reference);
        (await page.TextContentAsync("#reporter-status"))!.Trim().ShouldBe(Say("FollowUp.Status.BeingLookedAt.Child"));
        (await page.TextContentAsync(".messages"))!.ShouldContain(ResponderMessage);
        (await page.TextContentAsync("main"))!.ShouldNotContain(Description, customMessage: "the report itself is never shown again");
        axe.AddRange(await AxeChecks.Violations(page, "the child's report page"));

        // The child answers with a link.
        await page.FillAsync("#Reply_Message", ReporterAnswer);
        await page.FillAsync("#Reply_Urls", ReporterLink);
        await page.ClickAsync("#reply-form button[type=submit]");
        await page.WaitForURLAsync("**/follow-up/report?sent=true");
        (await page.TextContentAsync("[role=status]"))!.ShouldContain(Say("FollowUp.Reply.Sent.Child"));
        (await page.TextContentAsync(".messages"))!.ShouldContain(ReporterLink);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360, "nothing wider than a 360 px screen");
        axe.AddRange(await AxeChecks.Violations(page, "the child's report page after an answer"));
        await page.ClickAsync("form.leave-form button[type=submit]");
        await page.WaitForURLAsync("**/follow-up?left=true");
        child.OtherHosts.ShouldBeEmpty("no page of the way back loads anything from another host");

        // The owner is told the reporter wrote, and nothing of what they wrote.
        var replyNotice = (await smtp.WaitFor(messages => messages.Any(message => IsNoticeTo(message, responder.Email, reference, "replynotice"))))
            .Single(message => IsNoticeTo(message, responder.Email, reference, "replynotice"));
        replyNotice.TextBody!.ShouldContain("/console/cases/" + reference);
        ShouldCarryNothingWritten(replyNotice, accessCode);

        // The answer is on the case page, as the reporter's, with its link as plain text; the message is marked read.
        await using (var console = await Browsers.Open(portal.Address))
        {
            var casePage = await console.SignInToConsole(responder);
            await casePage.GotoAsync($"/console/cases/{reference}");
            var answer = casePage.Locator("#conversation li.from-reporter");
            await Assertions.Expect(answer).ToContainTextAsync(ReporterAnswer);
            await Assertions.Expect(answer).ToContainTextAsync(ReporterLink);
            (await answer.Locator("a").CountAsync()).ShouldBe(0, "a reporter's link is never made clickable");
            await Assertions.Expect(casePage.Locator("#conversation li.to-reporter .read-state")).Not.ToContainTextAsync("Not read");
        }

        await using var connection = await TestDatabase.OpenDatabase(portal.ConnectionString);
        var audited = (await connection.QueryAsync<string>("""
            select l.action from audit_log l join reports r on r.id = l.report_id where r.reference = @reference order by l.id
            """, new { reference })).ToList();
        audited.ShouldContain(AuditAction.MessageSentToReporter.Stored());
        audited.ShouldContain(AuditAction.ReporterOpenedReport.Stored());
        audited.ShouldContain(AuditAction.ReporterReplied.Stored());
        portal.Output.ShouldNotContain(ReporterAnswer);
        portal.Output.ShouldNotContain(ResponderMessage);
        portal.Output.ShouldNotContain(accessCode);
        axe.ShouldBeEmpty();
    }

    // A notice's Message-ID names its kind: <message-ID.reference.kind.recipient@domain>.
    private static bool IsNoticeTo(MimeMessage message, string address, string reference, string kind) =>
        SmtpServer.IsTo(message, address) && (message.Subject ?? "").Contains(reference, StringComparison.Ordinal)
        && (message.MessageId ?? "").Contains($"{reference.ToLowerInvariant()}.{kind}.", StringComparison.Ordinal);

    private static void ShouldCarryNothingWritten(MimeMessage message, string accessCode)
    {
        var whole = $"{message.Subject}\n{message.TextBody}\n{message.HtmlBody}";
        foreach (var written in new[] { ResponderMessage, ReporterAnswer, ReporterLink, Description, accessCode, "blue-tiger" })
            whole.ShouldNotContain(written, Case.Insensitive, $"a notice never carries what was written ({written})");
    }

    private static Task Continue(IPage page) => page.ClickAsync("form button[name=Go][value=next]");
}
