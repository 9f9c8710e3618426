using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Playwright;
using ReportingPortal.Core.Accounts;
using ReportingPortal.Core.Audit;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.IntegrationTests.Browser;

/// <summary>
/// The whole loop of case handling in Chromium, as the people who do it would: an administrator invites a responder,
/// the responder enrols from the emailed link, signs in with a code from the key the page showed, takes a case sent
/// through the public form, writes a note, refers it and closes it; a colleague of the same queue sees it taken.
/// Every console page on the way is checked with axe and used from the keyboard.
/// </summary>
[Category("Browser")]
public sealed class CaseLoopBrowserTests
{
    // An adult reporting abuse in person: normal priority, routed to child welfare alone.
    private const string Queue = "child-welfare";
    private const string ReferredTo = "psychosocial";
    private const string ReferredToAddress = "referrals@support.example";

    [Test]
    public async Task AnInvitedResponderEnrolsTakesAReportedCaseWritesANoteRefersItAndClosesIt()
    {
        var portal = await Portal.Shared();
        var smtp = SmtpServer.Shared;
        var administrator = await ConsoleAccounts.Create(portal, administrator: true);
        var colleague = await ConsoleAccounts.Create(portal, false, (Queue, QueueRole.Responder));
        var responderEmail = $"new-responder-{Guid.NewGuid():N}@example.org";
        var axe = new List<string>();

        // The administrator invites a responder of the child welfare queue.
        await using (var adminBrowser = await Browsers.Open(portal.Address))
        {
            var admin = await adminBrowser.SignInToConsole(administrator);
            await admin.GotoAsync("/console/accounts");
            axe.AddRange(await AxeChecks.Violations(admin, "accounts"));
            await admin.FillAsync("#Email", responderEmail);
            await admin.FillAsync("#Name", "Ada Responder");
            await admin.SelectOptionAsync($"select[name=Memberships]:near(label:text-is(\"{Queue}\"))", $"{Queue}|{QueueRole.Responder}");
            await admin.Keyboard.PressAsync("Enter");
            await admin.Locator("#outcome").WaitForAsync();
            (await admin.Locator("#accounts").InnerTextAsync()).ShouldContain(responderEmail);
            adminBrowser.OtherHosts.ShouldBeEmpty();
        }

        var invitation = (await smtp.WaitForMessagesTo(responderEmail)).Single(message => SmtpServer.IsTo(message, responderEmail));
        var link = Regex.Match(invitation.TextBody ?? "", @"https?://\S+?/console/enrol\?token=[A-Za-z0-9_%-]+");
        link.Success.ShouldBeTrue("the invitation carries its one-time link");
        var path = new Uri(link.Value).PathAndQuery;

        await using var responderBrowser = await Browsers.Open(portal.Address);
        var enrolment = await responderBrowser.NewPage();

        // Enrolment: a password, the authenticator from the text key under the QR code, ten recovery codes.
        await enrolment.GotoAsync(path);
        axe.AddRange(await AxeChecks.Violations(enrolment, "enrolment"));
        var key = (await enrolment.Locator("#text-key").InnerTextAsync()).Trim();
        const string password = "a long pass phrase nobody else uses 7";
        await enrolment.FillAsync("#Password", password);
        await enrolment.FillAsync("#PasswordAgain", password);
        var firstStep = ConsoleAccounts.StepNow();
        await enrolment.FillAsync("#Code", ConsoleAccounts.CodeFor(key, firstStep));
        await enrolment.Keyboard.PressAsync("Enter");
        await enrolment.Locator("#recovery-codes").WaitForAsync();
        var recoveryCodes = (await enrolment.Locator("#recovery-codes li").AllInnerTextsAsync()).Select(code => code.Trim()).ToList();
        recoveryCodes.Count.ShouldBe(10);
        axe.AddRange(await AxeChecks.Violations(enrolment, "recovery codes"));
        await enrolment.GotoAsync("/console/sign-in");
        axe.AddRange(await AxeChecks.Violations(enrolment, "sign-in"));

        // Signing in needs a code of a later step than the one enrolment used: a code works once.
        await using var connection = await TestDatabase.OpenDatabase(portal.ConnectionString);
        var responderId = await connection.ExecuteScalarAsync<long>("select id from accounts where email = @responderEmail", new { responderEmail });
        var responder = new TestAccount(responderId, responderEmail, "Ada Responder", password, key, recoveryCodes) { LastStep = firstStep };
        var page = await responderBrowser.SignInToConsole(responder);

        // A report through the public form lands in the responder's inbox.
        using var reporter = portal.NewSession();
        var reference = (await reporter.SubmitReport(ReportAnswers.Anonymous()
            .With("ReporterRole", "ParentOrCaregiver").With("Category", "AbuseInPerson").With("ChildInDanger", "No"))).Reference;
        await page.GotoAsync("/console?status=New");
        axe.AddRange(await AxeChecks.Violations(page, "inbox"));
        await page.Locator($"a:text-is(\"{reference}\")").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/console/cases/{reference}");
        axe.AddRange(await AxeChecks.Violations(page, "case"));

        // Take it, write a note, refer it to psychosocial support, close it with an outcome.
        await page.Locator("#take").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page, "#owner", "Ada Responder");
        await page.CheckAsync("#Writing-InternalNote");
        await page.FillAsync("#Note", "Called the school's safeguarding lead; they know the family.");
        await page.ClickAsync("form:has(#Note) button[type=submit]");
        await Expect(page, "#notes", "safeguarding lead");
        await page.SelectOptionAsync("#ReferTo", ReferredTo);
        await page.FillAsync("#Reason", "The child needs counselling near home.");
        await page.ClickAsync("form:has(#ReferTo) button[type=submit]");
        await Expect(page, "#referrals", ReferredTo);
        await page.SelectOptionAsync("#Outcome", "SupportGiven");
        await page.ClickAsync("form:has(#Outcome) button[type=submit]");
        await Expect(page, "#status", "Closed");
        axe.AddRange(await AxeChecks.Violations(page, "closed case"));
        responderBrowser.OtherHosts.ShouldBeEmpty();

        // The referral went to the new queue by email, with the link to the case.
        static bool IsReferral(MimeKit.MimeMessage message, string reference) => SmtpServer.IsTo(message, ReferredToAddress)
            && (message.Subject ?? "").Contains(reference, StringComparison.Ordinal)
            && (message.TextBody ?? "").Contains("/console/cases/" + reference, StringComparison.Ordinal);
        (await smtp.WaitFor(messages => messages.Any(message => IsReferral(message, reference))))
            .Count(message => IsReferral(message, reference)).ShouldBe(1);

        // A colleague of the queue sees who owns it, cannot take it, and got no email about it.
        using (var other = portal.NewSession())
        {
            (await other.SignInToConsole(colleague)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
            var (response, casePage) = await other.GetPage("/console/cases/" + reference);
            response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
            casePage.QuerySelector("#owner")!.TextContent.ShouldContain("Ada Responder");
            casePage.QuerySelector("#take").ShouldBeNull();
        }
        smtp.Messages().Where(message => SmtpServer.IsTo(message, colleague.Email)).ShouldBeEmpty();

        // Every step has its line in the audit log, with who did it.
        var accountLines = (await connection.QueryAsync<(string Action, long? Actor)>(
            "select action, actor_account_id from audit_log where subject_account_id = @responderId or actor_account_id = @responderId order by id",
            new { responderId })).ToList();
        accountLines.ShouldContain((AuditAction.AccountInvited.Stored(), administrator.Id));
        accountLines.Select(line => line.Action).ShouldContain(AuditAction.AccountEnrolled.Stored());
        accountLines.ShouldContain((AuditAction.SignedIn.Stored(), responderId));
        var caseLines = (await connection.QueryAsync<(string Action, long? Actor)>("""
            select l.action, l.actor_account_id from audit_log l join reports r on r.id = l.report_id
            where r.reference = @reference order by l.id
            """, new { reference })).ToList();
        foreach (var action in new[] { AuditAction.CaseViewed, AuditAction.CaseTaken, AuditAction.NoteAdded, AuditAction.CaseReferred, AuditAction.CaseClosed })
            caseLines.ShouldContain((action.Stored(), responderId), $"the audit log records {action} by the responder");
        caseLines.ShouldContain((AuditAction.CaseViewed.Stored(), colleague.Id));

        axe.ShouldBeEmpty();
    }

    // Waits for the page the form led to, as a person waits for it to load.
    private static Task Expect(IPage page, string selector, string text) =>
        Assertions.Expect(page.Locator(selector)).ToContainTextAsync(text);
}
