using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Dapper;
using ReportingPortal.Core.Accounts;
using ReportingPortal.Core.Audit;
using ReportingPortal.Web;

namespace ReportingPortal.IntegrationTests.Cases;

/// <summary>
/// The console's inbox and case pages over real HTTP, signed in as responders enrolled with a password and TOTP. The
/// case comes from the public form: an adult's report of the category Other goes to the child-welfare queue only.
/// </summary>
public sealed class CasePagesTests
{
    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task Start() => _portal = await Portal.Shared();

    private async Task<string> NewCase(string description)
    {
        using var visitor = _portal.NewSession();
        return (await visitor.SubmitReport(ReportAnswers.Anonymous(description).With("Category", "Other").With("ReporterRole", "OtherAdult"))).Reference;
    }

    private Task<(TestAccount Account, PortalSession Session)> SignedIn(params (string Queue, QueueRole Role)[] queues) =>
        ConsoleAccounts.SignedIn(_portal, administrator: false, queues);

    private static Task<(HttpResponseMessage Response, IHtmlDocument Page)> Open(PortalSession session, string reference) =>
        CasePages.Open(session, reference);

    private static Task<HttpResponseMessage> Press(PortalSession session, string reference, string handler, params (string Name, string Value)[] fields) =>
        CasePages.Press(session, reference, handler, fields);

    private static async Task<string?> Problem(HttpResponseMessage response) =>
        (await PortalSession.Parse(response)).QuerySelector("#problem")?.TextContent.Trim();

    private static void ShouldBeBackOnTheCase(HttpResponseMessage response, string reference)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        response.Headers.Location!.ToString().ShouldBe(Routes.CaseOf(reference));
    }

    private static async Task<long?> OwnerOf(string reference)
    {
        await using var connection = await TestDatabase.Open();
        return await connection.ExecuteScalarAsync<long?>(
            "select c.owner_account_id from cases c join reports r on r.id = c.report_id where r.reference = @reference", new { reference });
    }

    [Test]
    public async Task RespondersTakeReassignChangeCloseReopenNoteAndReferACaseAndEveryStepIsAudited()
    {
        var reference = await NewCase("An adult at the sports club sends the children messages at night.");
        var (first, firstSession) = await SignedIn(("child-welfare", QueueRole.Responder));
        var (second, secondSession) = await SignedIn(("child-welfare", QueueRole.Responder));
        var (_, supervisorSession) = await SignedIn(("child-welfare", QueueRole.Supervisor));
        var (_, supportSession) = await SignedIn(("psychosocial", QueueRole.Responder));
        using (firstSession)
        using (secondSession)
        using (supervisorSession)
        using (supportSession)
        {
            var (opened, page) = await Open(firstSession, reference);
            opened.StatusCode.ShouldBe(HttpStatusCode.OK);
            page.QuerySelector("#description")!.TextContent.ShouldBe("An adult at the sports club sends the children messages at night.");
            page.QuerySelector("#take").ShouldNotBeNull();

            ShouldBeBackOnTheCase(await Press(firstSession, reference, "Take"), reference);
            (await OwnerOf(reference)).ShouldBe(first.Id);
            var (_, seenBySecond) = await Open(secondSession, reference);
            seenBySecond.QuerySelector("#take").ShouldBeNull("a taken case offers no Take button");
            seenBySecond.QuerySelector("#owned-by-other").ShouldNotBeNull();
            seenBySecond.QuerySelector("#status")!.TextContent.ShouldBe("In progress");
            var takenAgain = await Press(secondSession, reference, "Take");
            takenAgain.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await Problem(takenAgain)).ShouldBe("Someone else took this case first.");

            var notASupervisor = await Press(secondSession, reference, "Reassign", ("NewOwner", second.Id.ToString()));
            notASupervisor.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await Problem(notASupervisor)).ShouldBe("Only a supervisor of one of the case's queues can reassign it.");
            ShouldBeBackOnTheCase(await Press(supervisorSession, reference, "Reassign", ("NewOwner", second.Id.ToString())), reference);
            (await OwnerOf(reference)).ShouldBe(second.Id);

            ShouldBeBackOnTheCase(await Press(secondSession, reference, "Status", ("NewStatus", "Referred")), reference);
            ShouldBeBackOnTheCase(await Press(secondSession, reference, "Close", ("Outcome", "SupportGiven")), reference);
            var (_, closed) = await Open(secondSession, reference);
            closed.QuerySelector("#status")!.TextContent.ShouldBe("Closed");
            closed.QuerySelector("#outcome")!.TextContent.ShouldBe("Support given");
            ShouldBeBackOnTheCase(await Press(secondSession, reference, "Reopen"), reference);
            ShouldBeBackOnTheCase(await Press(secondSession, reference, "Write", ("Writing", "InternalNote"), ("Note", "Spoke with the club's safeguarding lead.")), reference);
            var (_, noted) = await Open(firstSession, reference);
            noted.QuerySelector("#status")!.TextContent.ShouldBe("In progress");
            noted.QuerySelector("#notes")!.TextContent.ShouldContain("Spoke with the club's safeguarding lead.");

            ShouldBeBackOnTheCase(await Press(secondSession, reference, "Refer",
                ("ReferTo", "psychosocial"), ("Reason", "The children need support after the messages.")), reference);
            var referral = (await TestRun.Smtp.WaitFor(messages => messages.Any(m => IsReferral(m, reference)))).Single(m => IsReferral(m, reference));
            referral.TextBody.ShouldNotBeNull().ShouldContain("The children need support after the messages.");
            var (inbox, supportInbox) = await supportSession.GetPage("/console?queue=psychosocial&status=Referred");
            inbox.StatusCode.ShouldBe(HttpStatusCode.OK);
            supportInbox.QuerySelectorAll("#cases a").Select(link => link.TextContent).ShouldContain(reference);
            (await Open(supportSession, reference)).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var actions = (await StoredAudit.For(reference)).Select(line => line.Action).ToList();
        actions.Where(action => action != AuditAction.CaseViewed).ShouldBe(
        [
            AuditAction.CaseTaken, AuditAction.CaseReassigned, AuditAction.CaseStatusChanged, AuditAction.CaseClosed,
            AuditAction.CaseReopened, AuditAction.NoteAdded, AuditAction.CaseReferred,
        ]);
        actions.ShouldContain(AuditAction.CaseViewed);
    }

    [Test]
    public async Task AResponderWritesToTheReporterThroughTheCasePageAndANoteStaysInternal()
    {
        var reference = await NewCase("Someone at the park films children.");
        var (responder, session) = await SignedIn(("child-welfare", QueueRole.Responder));
        const string message = "Thank you for telling us. Which park was it?";
        const string note = "Asked the reporter which park; police not yet told.";
        using (session)
        {
            ShouldBeBackOnTheCase(await Press(session, reference, "Take"), reference);
            ShouldBeBackOnTheCase(await Press(session, reference, "Write", ("Writing", "MessageToReporter"), ("Note", $"  {message}\u200B ")), reference);
            ShouldBeBackOnTheCase(await Press(session, reference, "Write", ("Writing", "InternalNote"), ("Note", note)), reference);
            await TheReporterAnswers(reference, "The one by the river.", "https://park.example/photos");

            var (_, page) = await Open(session, reference);

            var toReporter = page.QuerySelectorAll("#conversation li.to-reporter").ShouldHaveSingleItem();
            toReporter.QuerySelector(".multiline")!.TextContent.ShouldBe(message);
            toReporter.TextContent.ShouldContain("To the reporter");
            toReporter.TextContent.ShouldContain(responder.DisplayName);
            toReporter.TextContent.ShouldContain("Not read yet.");
            var fromReporter = page.QuerySelectorAll("#conversation li.from-reporter").ShouldHaveSingleItem();
            fromReporter.TextContent.ShouldContain("From the reporter");
            fromReporter.TextContent.ShouldContain("The one by the river.");
            fromReporter.QuerySelector(".plain-values li")!.TextContent.ShouldBe("https://park.example/photos");
            page.QuerySelectorAll("a").ShouldNotContain(link => (link.GetAttribute("href") ?? "").Contains("park.example"),
                "the reporter's links are shown as text, never as links");
            page.QuerySelector("#conversation")!.TextContent.ShouldNotContain(note);
            page.QuerySelectorAll("#notes li.internal-note").ShouldHaveSingleItem().TextContent.ShouldContain(note);
            page.QuerySelector("#notes")!.TextContent.ShouldNotContain(message);

            await using (var connection = await TestDatabase.Open())
                await connection.ExecuteAsync("""
                    update case_messages set read_at = now() where direction = 'ToReporter'
                      and report_id = (select id from reports where reference = @reference)
                    """, new { reference });
            var (_, read) = await Open(session, reference);
            read.QuerySelector("#conversation li.to-reporter")!.TextContent.ShouldContain("Read by the reporter on ");
        }

        var stored = (await StoredMessages.For(reference)).Where(sent => sent.Direction == "ToReporter").ShouldHaveSingleItem();
        (stored.Author, stored.Body).ShouldBe((responder.Id, message));
        var audit = await StoredAudit.For(reference);
        audit.Where(line => line.Action == AuditAction.MessageSentToReporter).ShouldHaveSingleItem()
            .ShouldBe(new StoredAudit.Line(AuditAction.MessageSentToReporter, responder.Id, null, null));
        audit.ShouldContain(line => line.Action == AuditAction.NoteAdded);
    }

    [Test]
    public async Task ClosingWithTellTheReporterTheOutcomeIsStoredReopeningTakesItBackAndAClosedCaseSendsTheReporterNothing()
    {
        var reference = await NewCase("A neighbour shows a child videos that scare her.");
        var (_, session) = await SignedIn(("child-welfare", QueueRole.Responder));
        using (session)
        {
            ShouldBeBackOnTheCase(await Press(session, reference, "Close", ("Outcome", "SupportGiven"), ("ShareOutcome", "true")), reference);
            (await OutcomeShared(reference)).ShouldBeTrue();
            var (_, closed) = await Open(session, reference);
            closed.QuerySelector("#outcome-shared")!.TextContent.ShouldStartWith("Yes");
            closed.QuerySelector("#Writing-MessageToReporter").ShouldBeNull("a closed case offers no message to the reporter");
            closed.QuerySelector("#Writing-InternalNote").ShouldNotBeNull();

            var refused = await Press(session, reference, "Write", ("Writing", "MessageToReporter"), ("Note", "Are you safe now?"));
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await Problem(refused)).ShouldBe("This case is closed: reopen it before writing to the reporter. Your message was not sent.");

            ShouldBeBackOnTheCase(await Press(session, reference, "Reopen"), reference);
            (await OutcomeShared(reference)).ShouldBeFalse();
            ShouldBeBackOnTheCase(await Press(session, reference, "Close", ("Outcome", "SupportGiven")), reference);
            (await OutcomeShared(reference)).ShouldBeFalse("the box was not ticked");
            (await Open(session, reference)).Page.QuerySelector("#outcome-shared")!.TextContent.ShouldStartWith("No");
        }

        await using var connection = await TestDatabase.Open();
        (await connection.ExecuteScalarAsync<long>("""
            select count(*) from case_messages m join reports r on r.id = m.report_id where r.reference = @reference
            """, new { reference })).ShouldBe(0);
        (await StoredAudit.For(reference)).ShouldNotContain(line => line.Action == AuditAction.MessageSentToReporter);
    }

    private static async Task<bool> OutcomeShared(string reference)
    {
        await using var connection = await TestDatabase.Open();
        return await connection.ExecuteScalarAsync<bool>(
            "select c.outcome_shared from cases c join reports r on r.id = c.report_id where r.reference = @reference", new { reference });
    }

    /// <summary>The reporter's answer, written straight to the database as the reporter's pages store it.</summary>
    private static async Task TheReporterAnswers(string reference, string body, string url)
    {
        await using var connection = await TestDatabase.Open();
        await StoredMessages.Insert(connection, reference, ReportingPortal.Core.Cases.MessageDirection.FromReporter, null, body, url);
    }

    private static bool IsReferral(MimeKit.MimeMessage message, string reference) =>
        message.Subject!.Contains(reference) && SmtpServer.IsTo(message, "referrals@support.example");

    [Test]
    public async Task AResponderOfAnotherQueueGetsNotFoundForACaseAndTheRefusalIsAudited()
    {
        var reference = await NewCase("Someone posts pictures of pupils on a forum.");
        var (outsider, session) = await SignedIn(("hotline", QueueRole.Responder));
        using (session)
        {
            (await Open(session, reference)).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await session.Get(Routes.CaseOf("RP-NONE-XIST"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await StoredAudit.For(reference)).ShouldHaveSingleItem().ShouldBe(new StoredAudit.Line(AuditAction.CaseViewRefused, outsider.Id, null, null));
    }

    [Test]
    public async Task TheInboxShowsTheCasesOfTheAccountsQueuesWithCountsBesideItsFilters()
    {
        var reference = await NewCase("A coach asks a child to keep their chats secret.");
        var (_, session) = await SignedIn(("child-welfare", QueueRole.Responder));
        using (session)
        {
            ShouldBeBackOnTheCase(await Press(session, reference, "Take"), reference);

            var (response, inbox) = await session.GetPage("/console?mine=true");

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var row = inbox.QuerySelectorAll("#cases tbody tr").ShouldHaveSingleItem();
            row.QuerySelector("a")!.GetAttribute("href").ShouldBe(Routes.CaseOf(reference));
            row.TextContent.ShouldContain("In progress");
            row.TextContent.ShouldContain("NORMAL");
            inbox.QuerySelector("label[for=mine]")!.TextContent.ShouldBe("Mine (1 open)");
            inbox.QuerySelector<IHtmlInputElement>("#mine")!.IsChecked.ShouldBeTrue();
        }
    }

    [Test]
    public async Task TheCasePageIsInEnglishWhateverLanguageTheBrowserAsksFor()
    {
        var reference = await NewCase("Messages to a child from an unknown adult.");
        var (_, session) = await SignedIn(("child-welfare", QueueRole.Responder));
        using (session)
        {
            session.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");

            var (response, page) = await Open(session, reference);

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            page.QuerySelector("#report")!.TextContent.ShouldContain("Something else");
            page.QuerySelector("#report")!.TextContent.ShouldNotContain("Autre chose");
        }
    }

    [TestCase("/console?status=Nonsense")]
    [TestCase("/console?pageNumber=0")]
    [TestCase("/console?overdue=perhaps")]
    public async Task AnInboxFilterThatMeansNothingAnswers400WithAMessage(string path)
    {
        var (_, session) = await SignedIn(("child-welfare", QueueRole.Responder));
        using (session)
        {
            var (response, page) = await session.GetPage(path);

            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            page.QuerySelector("[role=alert]")!.TextContent.ShouldContain("These filters were not understood.");
        }
    }

    [Test]
    public async Task ActionsWithBadInputAnswer400WithAClearMessageAndChangeNothing()
    {
        var reference = await NewCase("A man online asks a girl for photos.");
        var (_, session) = await SignedIn(("child-welfare", QueueRole.Responder));
        using (session)
        {
            var badStatus = await Press(session, reference, "Status", ("NewStatus", "Nonsense"));
            var emptyNote = await Press(session, reference, "Write", ("Writing", "InternalNote"), ("Note", "   "));
            var emptyMessage = await Press(session, reference, "Write", ("Writing", "MessageToReporter"), ("Note", "\u200B"));
            var notChosen = await Press(session, reference, "Write", ("Note", "Is this a note or a message?"));
            var badChoice = await Press(session, reference, "Write", ("Writing", "Shout"), ("Note", "Hello"));
            var badOutcome = await Press(session, reference, "Close", ("Outcome", "Forgotten"));
            var badQueue = await Press(session, reference, "Refer", ("ReferTo", "nowhere"), ("Reason", "Because."));
            var badOwner = await Press(session, reference, "Reassign", ("NewOwner", "not-a-number"));

            foreach (var (response, message) in new[]
                     {
                         (badStatus, "The form was not understood. Choose from the lists and try again."),
                         (emptyNote, "Write the note before adding it."),
                         (emptyMessage, "Write the message before sending it."),
                         (notChosen, "Choose whether this is an internal note or a message to the reporter."),
                         (badChoice, "The form was not understood. Choose from the lists and try again."),
                         (badOutcome, "Choose one of the outcomes in the list."),
                         (badQueue, "Choose one of the queues in the list."),
                         (badOwner, "The form was not understood. Choose from the lists and try again."),
                     })
            {
                response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
                (await Problem(response)).ShouldBe(message);
            }
        }
        (await StoredAudit.For(reference)).ShouldAllBe(line => line.Action == AuditAction.CaseViewed);
    }

    [Test]
    public async Task OddInputsFromASignedInResponderNeverGetAServerError()
    {
        var reference = await NewCase("Odd inputs to the console's pages.");
        var (_, session) = await SignedIn(("child-welfare", QueueRole.Supervisor));
        var longText = new string('a', 4000);
        string[] gets =
        [
            "/console?status=Bogus", "/console?priority=%00", "/console?pageNumber=-1", "/console?pageNumber=2147483648",
            "/console?queue=" + longText, "/console?overdue=maybe", "/console/cases/%00", "/console/cases/" + longText,
            "/console/cases/rp-%E2%80%AE", "/console/audit?from=2026-13-45", "/console/accounts/x", "/console/accounts/-1",
        ];
        foreach (var path in gets)
            ((int)(await session.Get(path)).StatusCode).ShouldBeLessThan(500, path);

        string[] handlers = ["Take", "Reassign", "Status", "Close", "Reopen", "Write", "Refer", "Bogus", "%00"];
        (string Name, string Value)[] odd = [("NewOwner", "-1"), ("NewStatus", "Closed"), ("Outcome", longText), ("Writing", "MessageToReporter"), ("Note", "\u0000"), ("ReferTo", "child-welfare"), ("Reason", "")];
        foreach (var handler in handlers)
        {
            var response = await Press(session, reference, handler, odd);
            ((int)response.StatusCode).ShouldBeLessThan(500, handler);
        }
    }
}
