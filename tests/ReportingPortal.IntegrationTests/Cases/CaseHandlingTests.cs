using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ReportingPortal.Core.Audit;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.Email;

namespace ReportingPortal.IntegrationTests.Cases;

/// <summary>
/// The case handlers and queries as the console calls them, on cases that came in through the public form. Reports
/// of the category Other from an adult go to the child-welfare queue only.
/// </summary>
public sealed class CaseHandlingTests
{
    private Portal _portal = null!;
    private ServiceProvider _services = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _portal = await Portal.Shared();
        _services = PortalServices.For(_portal);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _services.DisposeAsync();

    private T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    private async Task<string> NewCase(string description = "A stranger keeps sending messages to a child at the club.")
    {
        using var visitor = _portal.NewSession();
        var receipt = await visitor.SubmitReport(ReportAnswers.Anonymous(description)
            .With("Category", "Other").With("ReporterRole", "OtherAdult"));
        return receipt.Reference;
    }

    private async Task<CaseView> Read(string reference, long accountId) =>
        (await Get<CaseQuery>().Read(reference, accountId, audit: false, CancellationToken.None)).ShouldNotBeNull();

    [Test]
    public async Task AResponderTakesACaseAndASecondResponderOfTheQueueSeesItTakenAndCannotTakeIt()
    {
        var reference = await NewCase();
        var first = await Responders.Of("child-welfare", "First Responder");
        var second = await Responders.Of("child-welfare", "Second Responder");

        (await Get<TakeCaseHandler>().Handle(reference, first, CancellationToken.None)).ShouldBe(CaseActionResult.Done);
        var seen = await Read(reference, second);
        var again = await Get<TakeCaseHandler>().Handle(reference, second, CancellationToken.None);

        seen.Case.OwnerName.ShouldBe("First Responder");
        seen.Case.Status.ShouldBe(CaseStatus.InProgress);
        seen.Case.FirstActionAt.ShouldNotBeNull();
        again.Refusal.ShouldBe(CaseRefusal.Conflict);
        again.Why.ShouldBe("Cases.Error.AlreadyTaken");
        (await Read(reference, first)).Case.OwnerAccountId.ShouldBe(first);
        (await StoredAudit.For(reference)).Where(line => line.Action == AuditAction.CaseTaken)
            .ShouldHaveSingleItem().ActorAccountId.ShouldBe(first);
    }

    [Test]
    public async Task OfTwoRespondersTakingACaseAtOnceExactlyOneWins()
    {
        var reference = await NewCase();
        var takers = new[] { await Responders.Of("child-welfare", "Taker A"), await Responders.Of("child-welfare", "Taker B") };

        var results = await Task.WhenAll(takers.Select(taker => Get<TakeCaseHandler>().Handle(reference, taker, CancellationToken.None)));

        results.Count(result => result.Succeeded).ShouldBe(1);
        results.Count(result => result.Refusal == CaseRefusal.Conflict).ShouldBe(1);
        (await StoredAudit.For(reference)).Count(line => line.Action == AuditAction.CaseTaken).ShouldBe(1);
    }

    [Test]
    public async Task ASupervisorReassignsACaseAndAPlainResponderCannot()
    {
        var reference = await NewCase();
        var owner = await Responders.Of("child-welfare", "Owner Before");
        var colleague = await Responders.Of("child-welfare", "Colleague");
        var supervisor = await Responders.SupervisorOf("child-welfare", "Supervisor");
        var elsewhere = await Responders.Of("hotline", "Hotline Analyst");
        await Get<TakeCaseHandler>().Handle(reference, owner, CancellationToken.None);
        var reassign = Get<ReassignCaseHandler>();

        var byColleague = await reassign.Handle(reference, colleague, colleague, CancellationToken.None);
        var outsideTheQueues = await reassign.Handle(reference, supervisor, elsewhere, CancellationToken.None);
        var bySupervisor = await reassign.Handle(reference, supervisor, colleague, CancellationToken.None);

        byColleague.Refusal.ShouldBe(CaseRefusal.NotAllowed);
        outsideTheQueues.Refusal.ShouldBe(CaseRefusal.Invalid);
        bySupervisor.ShouldBe(CaseActionResult.Done);
        (await Read(reference, colleague)).Case.OwnerAccountId.ShouldBe(colleague);
        (await StoredAudit.For(reference)).Where(line => line.Action == AuditAction.CaseReassigned).ShouldHaveSingleItem()
            .ShouldBe(new StoredAudit.Line(AuditAction.CaseReassigned, supervisor, colleague, null));
    }

    [Test]
    public async Task AnOwnerChangesTheStatusClosesTheCaseWithAnOutcomeAndReopensIt()
    {
        var reference = await NewCase();
        var owner = await Responders.Of("child-welfare", "Owner");
        var other = await Responders.Of("child-welfare", "Not The Owner");
        await Get<TakeCaseHandler>().Handle(reference, owner, CancellationToken.None);

        (await Get<ChangeCaseStatusHandler>().Handle(reference, other, CaseStatus.Referred, CancellationToken.None)).Refusal.ShouldBe(CaseRefusal.NotAllowed);
        (await Get<ChangeCaseStatusHandler>().Handle(reference, owner, CaseStatus.New, CancellationToken.None)).Refusal.ShouldBe(CaseRefusal.Invalid);
        (await Get<ChangeCaseStatusHandler>().Handle(reference, owner, CaseStatus.Referred, CancellationToken.None)).ShouldBe(CaseActionResult.Done);
        (await Read(reference, owner)).Case.Status.ShouldBe(CaseStatus.Referred);
        (await Get<CloseCaseHandler>().Handle(reference, owner, "NotAnOutcome", shareOutcome: false, CancellationToken.None)).Refusal.ShouldBe(CaseRefusal.Invalid);
        (await Get<CloseCaseHandler>().Handle(reference, owner, "SupportGiven", shareOutcome: true, CancellationToken.None)).ShouldBe(CaseActionResult.Done);
        var closed = (await Read(reference, owner)).Case;
        (await Get<ChangeCaseStatusHandler>().Handle(reference, owner, CaseStatus.InProgress, CancellationToken.None)).Refusal.ShouldBe(CaseRefusal.Conflict);
        (await Get<ReopenCaseHandler>().Handle(reference, owner, CancellationToken.None)).ShouldBe(CaseActionResult.Done);
        var reopened = (await Read(reference, owner)).Case;

        closed.Status.ShouldBe(CaseStatus.Closed);
        closed.Outcome.ShouldBe("SupportGiven");
        closed.ClosedAt.ShouldNotBeNull();
        closed.OutcomeShared.ShouldBeTrue();
        reopened.Status.ShouldBe(CaseStatus.InProgress);
        reopened.OutcomeShared.ShouldBeFalse("a reopened case has no outcome to tell");
        reopened.Outcome.ShouldBeNull();
        reopened.ClosedAt.ShouldBeNull();
        (await StoredAudit.For(reference)).Select(line => (line.Action, line.Detail)).ShouldBe(
        [
            (AuditAction.CaseTaken, null),
            (AuditAction.CaseStatusChanged, "InProgress -> Referred"),
            (AuditAction.CaseClosed, "SupportGiven"),
            (AuditAction.CaseReopened, "InProgress"),
        ]);
    }

    [Test]
    public async Task ANoteIsStoredCleanedAndItsAuditLineSaysNothingOfWhatItSays()
    {
        var reference = await NewCase();
        var responder = await Responders.Of("child-welfare", "Note Writer");
        var note = Get<AddCaseNoteHandler>();

        var empty = await note.Handle(reference, responder, " \u200B ", CancellationToken.None);
        var tooLong = await note.Handle(reference, responder, new string('a', CaseText.NoteMaxLength + 1), CancellationToken.None);
        var added = await note.Handle(reference, responder, "Called the school\u202E; they know the family.\r\nSecond line.", CancellationToken.None);
        var view = await Read(reference, responder);

        empty.Refusal.ShouldBe(CaseRefusal.Invalid);
        tooLong.Refusal.ShouldBe(CaseRefusal.Invalid);
        added.ShouldBe(CaseActionResult.Done);
        view.Notes.ShouldHaveSingleItem().ShouldBe(new CaseView.Note("Note Writer", "Called the school; they know the family.\nSecond line.", view.Notes[0].CreatedAt));
        view.Case.FirstActionAt.ShouldNotBeNull("a note is a first action");
        view.Case.OwnerAccountId.ShouldBeNull("a note does not take the case");
        (await StoredAudit.For(reference)).ShouldHaveSingleItem().ShouldBe(new StoredAudit.Line(AuditAction.NoteAdded, responder, null, null));
    }

    [Test]
    public async Task AReferralMailsTheNewQueueAndPutsTheCaseInTheInboxOfItsResponders()
    {
        var reference = await NewCase();
        var owner = await Responders.Of("child-welfare", "Referring Responder");
        var support = await Responders.Of("psychosocial", "Support Worker");
        (await Get<CaseQuery>().Read(reference, support, audit: true, CancellationToken.None)).ShouldBeNull("not in its queue before the referral");
        await Get<TakeCaseHandler>().Handle(reference, owner, CancellationToken.None);

        var unknown = await Get<ReferCaseHandler>().Handle(reference, owner, "no-such-queue", "Needs support.", CancellationToken.None);
        var withoutReason = await Get<ReferCaseHandler>().Handle(reference, owner, "psychosocial", "  ", CancellationToken.None);
        var toItsOwnQueue = await Get<ReferCaseHandler>().Handle(reference, owner, "child-welfare", "Again.", CancellationToken.None);
        var referred = await Get<ReferCaseHandler>().Handle(reference, owner, "psychosocial", "The child needs counselling after the contact.", CancellationToken.None);

        unknown.Refusal.ShouldBe(CaseRefusal.Invalid);
        withoutReason.Refusal.ShouldBe(CaseRefusal.Invalid);
        toItsOwnQueue.Refusal.ShouldBe(CaseRefusal.Invalid);
        referred.ShouldBe(CaseActionResult.Done);
        var mail = (await TestRun.Smtp.WaitFor(messages => messages.Any(m => IsReferral(m, reference))))
            .Single(m => IsReferral(m, reference));
        mail.Subject.ShouldBe($"[NORMAL] Report {reference}");
        var text = mail.TextBody.ShouldNotBeNull();
        text.ShouldContain("The child needs counselling after the contact.");
        text.ShouldContain("Referred by: Child welfare services");
        text.ShouldContain("A stranger keeps sending messages to a child at the club.");
        text.ShouldContain($"{_portal.Address.ToString().TrimEnd('/')}/console/cases/{reference}");
        mail.MessageId.ShouldStartWith(reference.ToLowerInvariant() + ".referral.");

        var view = await Read(reference, support);
        view.Case.Status.ShouldBe(CaseStatus.Referred);
        view.Queues.Select(queue => (queue.Name, queue.How)).ShouldBe([("child-welfare", QueueHow.Routed), ("psychosocial", QueueHow.Referred)]);
        view.Referrals.ShouldHaveSingleItem().ShouldBe(new CaseView.Referral("psychosocial", "child-welfare",
            "The child needs counselling after the contact.", "Referring Responder", view.Referrals[0].ReferredAt));
        (await StoredDeliveries.WaitUntilSettled(reference)).Where(delivery => delivery.Kind == DeliveryKind.Referral)
            .ShouldHaveSingleItem().ShouldSatisfyAllConditions(
                delivery => delivery.Queue.ShouldBe("psychosocial"),
                delivery => delivery.Status.ShouldBe(DeliveryStatus.Sent));
        (await InboxPages(support, new InboxFilter(Status: CaseStatus.Referred))).ShouldContain(line => line.Reference == reference);
        (await StoredAudit.For(reference)).Where(line => line.Action == AuditAction.CaseReferred).ShouldHaveSingleItem()
            .ShouldBe(new StoredAudit.Line(AuditAction.CaseReferred, owner, null, "psychosocial"));
    }

    private static bool IsReferral(MimeKit.MimeMessage message, string reference) =>
        message.Subject!.Contains(reference) && SmtpServer.IsTo(message, "referrals@support.example")
                                             && message.MessageId?.Contains(".referral.") == true;

    [Test]
    public async Task AResponderOfAnotherQueueIsToldThereIsNoSuchCaseAndTheRefusalIsAudited()
    {
        var reference = await NewCase();
        var outsider = await Responders.Of("hotline", "Hotline Analyst");
        var administrator = await Responders.Add("Administrator Without Queues");

        var view = await Get<CaseQuery>().Read(reference, outsider, audit: true, CancellationToken.None);
        var take = await Get<TakeCaseHandler>().Handle(reference, outsider, CancellationToken.None);
        var byAdministrator = await Get<CaseQuery>().Read(reference, administrator, audit: true, CancellationToken.None);

        view.ShouldBeNull();
        byAdministrator.ShouldBeNull();
        take.Refusal.ShouldBe(CaseRefusal.NotFound);
        (await StoredAudit.For(reference)).ShouldBe(
        [
            new StoredAudit.Line(AuditAction.CaseViewRefused, outsider, null, null),
            new StoredAudit.Line(AuditAction.CaseViewRefused, outsider, null, "CaseTaken"),
            new StoredAudit.Line(AuditAction.CaseViewRefused, administrator, null, null),
        ]);
        (await Read(reference, await Responders.Of("child-welfare", "Insider"))).Report.Reference.ShouldBe(reference);
    }

    [Test]
    public async Task ViewingACaseIsAuditedAndShowsTheWholeReportItsSignalsAndItsMail()
    {
        var reference = await NewCase("Someone at the park photographed children and shared the pictures.");
        var responder = await Responders.Of("child-welfare", "Viewer");
        await StoredDeliveries.WaitUntilSettled(reference);

        var view = (await Get<CaseQuery>().Read(reference, responder, audit: true, CancellationToken.None)).ShouldNotBeNull();

        view.Report.Description.ShouldBe("Someone at the park photographed children and shared the pictures.");
        view.Report.Usernames.ShouldBe("stranger123");
        view.Report.CaptchaVerified.ShouldBe(true);
        view.Report.HoneypotFilled.ShouldBe(false);
        view.MailSent.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            mail => mail.Kind.ShouldBe(DeliveryKind.Forward),
            mail => mail.Queue.ShouldBe("child-welfare"),
            mail => mail.Status.ShouldBe(DeliveryStatus.Sent),
            mail => mail.SentAt.ShouldNotBeNull());
        view.History.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            line => line.Action.ShouldBe(AuditAction.CaseViewed),
            line => line.Actor.ShouldBe("Viewer"));
    }

    [Test]
    public async Task TheInboxFiltersMineAndUnassignedAndCountsThem()
    {
        var taken = await NewCase();
        var waiting = await NewCase();
        var responder = await Responders.Of("child-welfare", "Inbox Reader");
        await Get<TakeCaseHandler>().Handle(taken, responder, CancellationToken.None);

        var mine = await Get<InboxQuery>().Read(responder, new InboxFilter(Mine: true), CancellationToken.None);
        var unassigned = await InboxPages(responder, new InboxFilter(Unassigned: true));
        var all = await InboxPages(responder, new InboxFilter());

        mine.Cases.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            line => line.Reference.ShouldBe(taken),
            line => line.OwnerName.ShouldBe("Inbox Reader"),
            line => line.Status.ShouldBe(CaseStatus.InProgress));
        mine.Counts.Mine.ShouldBe(1);
        mine.Counts.Unassigned.ShouldBe(unassigned.Count(line => line.Status != CaseStatus.Closed));
        mine.Counts.Open.ShouldBe(all.Count(line => line.Status != CaseStatus.Closed));
        mine.Counts.ByQueue["child-welfare"].ShouldBe(mine.Counts.Open);
        mine.Counts.ByStatus[CaseStatus.InProgress].ShouldBe(all.Count(line => line.Status == CaseStatus.InProgress));
        unassigned.ShouldContain(line => line.Reference == waiting);
        unassigned.ShouldNotContain(line => line.Reference == taken);
        all.Select(line => line.Reference).ShouldContain(taken);
        (await Get<InboxQuery>().Read(await Responders.Of("hotline", "Elsewhere"), new InboxFilter(), CancellationToken.None))
            .Cases.ShouldNotContain(line => line.Reference == taken || line.Reference == waiting);
    }

    [Test]
    public async Task TheInboxPutsOverdueCasesFirstThenUrgentOnes()
    {
        var overdue = await NewCase();
        var responder = await Responders.Add("Duty Officer", ("child-welfare", Core.Accounts.QueueRole.Responder),
            ("urgent-on-call", Core.Accounts.QueueRole.Responder));
        using var visitor = _portal.NewSession();
        var urgent = (await visitor.SubmitReport(ReportAnswers.Anonymous("A child is in danger now.").With("ChildInDanger", "Yes"))).Reference;
        await using (var connection = await TestDatabase.Open())
            await connection.ExecuteAsync("""
                update cases set first_action_due = now() - interval '1 minute'
                where report_id = (select id from reports where reference = @overdue)
                """, new { overdue });

        var inbox = await InboxPages(responder, new InboxFilter());

        var order = inbox.Select(line => line.Reference).ToList();
        order.IndexOf(overdue).ShouldBeLessThan(order.IndexOf(urgent));
        inbox.Single(line => line.Reference == overdue).Overdue.ShouldBeTrue();
        inbox.TakeWhile(line => line.Overdue).ShouldAllBe(line => line.Status != CaseStatus.Closed);
        inbox.SkipWhile(line => line.Overdue).TakeWhile(line => line.Priority == Priority.Urgent)
            .ShouldContain(line => line.Reference == urgent);
        (await Get<InboxQuery>().Read(responder, new InboxFilter(Overdue: true), CancellationToken.None))
            .Cases.ShouldContain(line => line.Reference == overdue);
    }

    /// <summary>Every page of the inbox: other tests add cases to the same queues.</summary>
    private async Task<List<InboxCase>> InboxPages(long accountId, InboxFilter filter)
    {
        var lines = new List<InboxCase>();
        for (var page = 1; ; page++)
        {
            var inbox = await Get<InboxQuery>().Read(accountId, filter with { Page = page }, CancellationToken.None);
            lines.AddRange(inbox.Cases);
            if (!inbox.HasNextPage)
                return lines;
        }
    }

    [Test]
    public async Task AForwardCarriesTheLinkToTheCaseInTheConsole()
    {
        var reference = await NewCase();

        var forward = (await TestRun.Smtp.WaitFor(messages => messages.Any(m => m.Subject!.Contains(reference) && SmtpServer.IsTo(m, "duty@childwelfare.example"))))
            .Single(m => m.Subject!.Contains(reference) && SmtpServer.IsTo(m, "duty@childwelfare.example"));

        var text = forward.TextBody.ShouldNotBeNull();
        text.ShouldContain($"{_portal.Address.ToString().TrimEnd('/')}/console/cases/{reference}");
        text.ShouldNotContain("Referred by");
    }
}
