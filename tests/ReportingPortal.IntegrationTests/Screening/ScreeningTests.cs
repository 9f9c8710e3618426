using System.Diagnostics;
using System.Net;
using Dapper;
using MimeKit;
using ReportingPortal.Core.Accounts;
using ReportingPortal.Core.Audit;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Screening;
using ReportingPortal.IntegrationTests.Cases;
using ReportingPortal.Web;
using ReportingPortal.IntegrationTests.Forwarding;

namespace ReportingPortal.IntegrationTests.Screening;

/// <summary>
/// Screening with Screening:Enabled: reports with weak signals wait in the screening queue, their forwards held, and the
/// queue gets one digest per interval. A portal with a database and a mail server of its own, so every screened report
/// and every email is these tests'. Its grooming reports go to the police-cyber and child-welfare queues.
/// </summary>
public sealed class ScreeningTests
{
    private const string ScreeningAddress = "screeners@screening.example";
    private const string PoliceAddress = "cyber-unit@police.example";
    private const string WelfareAddress = "duty@childwelfare.example";
    private const string OnCallAddress = "on-call@responders.example";
    private static readonly TimeSpan DigestInterval = TimeSpan.FromSeconds(10);

    // More than this many reports from the test run's one address are screened for that alone.
    private const int ReportsPerClientKey = 3;

    private SmtpServer _smtp = null!;
    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal()
    {
        _smtp = await SmtpServer.Start();
        _portal = await Portal.StartIsolated(_smtp, new Dictionary<string, string>
        {
            ["Forwarding__Queues__5__Name"] = "screening",
            ["Forwarding__Queues__5__DisplayName"] = "Screening",
            ["Forwarding__Queues__5__Addresses__0"] = ScreeningAddress,
            ["Screening__Enabled"] = "true",
            ["Screening__Queue"] = "screening",
            ["Screening__DigestInterval"] = DigestInterval.ToString(),
            ["Screening__ReportsPerClientKey"] = ReportsPerClientKey.ToString(),
            ["Screening__ClientKeyWindow"] = "01:00:00",
        });
    }

    [OneTimeTearDown]
    public async Task StopPortal()
    {
        await _portal.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    /// <summary>Sends a report through the form as a script would, with one weak signal; null sends it as a person would.</summary>
    private async Task<string> Send(Dictionary<string, string> answers, ScreeningReason? weak)
    {
        using var visitor = _portal.NewSession();
        var fields = await visitor.FillReportForm(answers);
        switch (weak)
        {
            case ScreeningReason.HoneypotFilled:
                fields["Form.Website"] = "https://trap.example";
                break;
            case ScreeningReason.CaptchaNotSolved:
                fields.Remove("altcha");
                break;
            case ScreeningReason.TooFast:
                fields["Form.OpenedAt"] = "not a stamp the portal made";
                break;
        }
        var sent = await visitor.Post("/report", fields);
        sent.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await sent.Content.ReadAsStringAsync());
        return (await visitor.ReadReceipt(sent)).Reference;
    }

    private Task<string> SendScreened(string description, string danger = "No") =>
        Send(ReportAnswers.Anonymous(description).With("ChildInDanger", danger), ScreeningReason.HoneypotFilled);

    private async Task<T> One<T>(string sql, object parameters)
    {
        await using var connection = await TestDatabase.OpenDatabase(_portal.ConnectionString);
        return await connection.QuerySingleAsync<T>(sql, parameters);
    }

    // A class, not a positional record: Dapper maps a text[] column to a property only.
    private sealed class ScreenedCase
    {
        public string? Screening { get; init; }
        public string Status { get; init; } = "";
        public string? Outcome { get; init; }
        public string[] Queues { get; init; } = [];
        public string[] Reasons { get; init; } = [];
    }

    private Task<ScreenedCase> CaseOf(string reference) => One<ScreenedCase>("""
        select c.screening, c.status, c.outcome, c.queues, r.screening_reasons as reasons
        from cases c join reports r on r.id = c.report_id where r.reference = @reference
        """, new { reference });

    private async Task<IReadOnlyList<StoredAudit.Line>> AuditOf(string reference)
    {
        await using var connection = await TestDatabase.OpenDatabase(_portal.ConnectionString);
        return (await connection.QueryAsync<StoredAudit.Line>("""
            select l.action, l.actor_account_id as ActorAccountId, l.subject_account_id as SubjectAccountId, l.detail
            from audit_log l join reports r on r.id = l.report_id where r.reference = @reference order by l.id
            """, new { reference })).ToList();
    }

    private List<MimeMessage> ForwardsOf(string reference) =>
        _smtp.Messages().Where(message => message.Subject!.Contains($"Report {reference}")).ToList();

    private List<MimeMessage> Digests() => _smtp.Messages().Where(message => SmtpServer.IsTo(message, ScreeningAddress)).ToList();

    private Task<(TestAccount Account, PortalSession Session)> SignedIn(string queue) =>
        ConsoleAccounts.SignedIn(_portal, administrator: false, (queue, QueueRole.Responder));

    /// <summary>The web site's screened-report counters, once every reason has been counted (or after 10 seconds).</summary>
    private async Task<IReadOnlyList<string>> ScreenedCounters()
    {
        using var client = new HttpClient();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var lines = (await client.GetStringAsync(new Uri(_portal.WebManagementAddress, "/metrics"))).Split('\n')
                .Where(line => line.StartsWith("reportingportal_reports_screened_total", StringComparison.Ordinal)).ToList();
            if (lines.Count >= Enum.GetValues<ScreeningReason>().Length || waited.Elapsed > TimeSpan.FromSeconds(10))
                return lines;
            await Task.Delay(200);
        }
    }

    /// <summary>Until every screened report so far was in a digest, so the next ones start a digest of their own.</summary>
    private async Task UntilEveryScreenedReportWasInADigest()
    {
        var waited = Stopwatch.StartNew();
        while (await One<int>("select count(*)::int from cases where screening is not null and screening_digest_id is null", new { }) > 0)
        {
            if (waited.Elapsed > DigestInterval * 4)
                throw new TimeoutException("Screened reports were never put in a digest.");
            await Task.Delay(200);
        }
    }

    [Test]
    public async Task ABurstOfScriptedReportsLandsInScreeningWithoutAForwardAndMakesOneDigest()
    {
        await UntilEveryScreenedReportWasInADigest();
        var digestsBefore = Digests().Count;
        var burst = new List<string>
        {
            await Send(ReportAnswers.Identified("burst-reporter@family.example").With("Description", "Burst one."), ScreeningReason.HoneypotFilled),
            await Send(ReportAnswers.Anonymous("Burst two."), ScreeningReason.CaptchaNotSolved),
            await Send(ReportAnswers.Anonymous("Burst three."), ScreeningReason.TooFast),
            // Good signals, but more than Screening:ReportsPerClientKey from this client in the window.
            await Send(ReportAnswers.Anonymous("Burst four."), weak: null),
            await Send(ReportAnswers.Anonymous("Burst five."), weak: null),
        };

        var digests = await _smtp.WaitFor(messages => messages.Count(message => SmtpServer.IsTo(message, ScreeningAddress)) > digestsBefore,
            DigestInterval * 3);
        var digest = digests.Where(message => SmtpServer.IsTo(message, ScreeningAddress)).Skip(digestsBefore).ShouldHaveSingleItem();
        digest.Subject.ShouldBe("Screening: 5 new reports to look at");
        foreach (var reference in burst)
            digest.TextBody!.ShouldContain(reference);
        digest.TextBody!.ShouldContain("hidden trap field filled in");
        digest.TextBody!.ShouldContain("captcha not solved");
        digest.TextBody!.ShouldContain("sent faster than a person could");
        digest.TextBody!.ShouldContain("many reports from one sender in a short time");
        digest.TextBody!.ShouldContain($"{_portal.Address.ToString().TrimEnd('/')}/console?queue=screening");
        foreach (var said in new[] { "Burst one.", "Burst two.", "stranger123", "burst-reporter@family.example" })
            digest.TextBody!.ShouldNotContain(said, customMessage: "a digest carries nothing a report says");

        (await CaseOf(burst[3])).Reasons.ShouldBe([nameof(ScreeningReason.ManyFromOneClient)]);
        foreach (var reference in burst)
        {
            var screened = await CaseOf(reference);
            screened.Screening.ShouldBe(nameof(ScreeningState.Waiting));
            screened.Queues.ShouldBe(["screening"], "the routed queues get the case only when it is released");
            var deliveries = await StoredDeliveries.For(reference, _portal.ConnectionString);
            deliveries.Where(delivery => delivery.Kind == DeliveryKind.Forward).Select(delivery => delivery.Recipient)
                .ShouldBe([PoliceAddress, WelfareAddress], ignoreOrder: true);
            deliveries.Where(delivery => delivery.Kind == DeliveryKind.Forward).ShouldAllBe(delivery => delivery.Status == DeliveryStatus.Held);
        }
        var acknowledged = await StoredDeliveries.WaitUntil(burst[0],
            deliveries => deliveries.Any(delivery => delivery.Kind == DeliveryKind.Acknowledgement && delivery.Status == DeliveryStatus.Sent),
            _portal.ConnectionString);
        acknowledged.ShouldContain(delivery => delivery.Kind == DeliveryKind.Acknowledgement, "the reporter is acknowledged as always");

        var metrics = await ScreenedCounters();
        foreach (var reason in Enum.GetNames<ScreeningReason>())
            metrics.ShouldContain(line => line.Contains($"reason=\"{reason}\""), $"screened reports are counted under {reason}");
        metrics.ShouldAllBe(line => !burst.Any(reference => line.Contains(reference)));

        // A whole interval more: nothing else reaches the screening queue, and nothing reaches the routed queues.
        await Task.Delay(DigestInterval + TimeSpan.FromSeconds(2));
        Digests().Count.ShouldBe(digestsBefore + 1);
        burst.ShouldAllBe(reference => ForwardsOf(reference).Count == 0);
        (await One<int>("select count(*)::int from hangfire.job where invocationdata::text like '%ScreeningDigestJob%'", new { }))
            .ShouldBeGreaterThan(1, "the digest job ran while nothing was waiting");
        (await One<int>("select count(*)::int from hangfire.job where invocationdata::text like '%ScreeningDigestJob%' and statename <> 'Succeeded' and statename <> 'Processing' and statename <> 'Enqueued'", new { }))
            .ShouldBe(0, "the digest job succeeds whether or not anything waits");
    }

    [Test]
    public async Task AReportSayingAChildIsInDangerNowIsForwardedAtOnceAndAlsoListedForScreening()
    {
        var reference = await SendScreened("A man is outside the school gate right now with a child.", danger: "Yes");

        var forwarded = await _smtp.WaitFor(messages => messages.Any(message =>
            message.Subject!.Contains(reference) && SmtpServer.IsTo(message, OnCallAddress)), TimeSpan.FromSeconds(10));
        forwarded.First(message => message.Subject!.Contains(reference) && SmtpServer.IsTo(message, OnCallAddress))
            .TextBody!.ShouldContain("it is sent at once and is also waiting for screening");
        var screened = await CaseOf(reference);
        screened.Screening.ShouldBe(nameof(ScreeningState.Waiting));
        screened.Queues.ShouldContain("urgent-on-call");
        screened.Queues.ShouldContain("screening");

        var digests = await _smtp.WaitFor(messages => messages.Any(message =>
            SmtpServer.IsTo(message, ScreeningAddress) && message.TextBody!.Contains(reference)), DigestInterval * 4);
        digests.First(message => SmtpServer.IsTo(message, ScreeningAddress) && message.TextBody!.Contains(reference))
            .TextBody!.ShouldContain($"{reference}, URGENT priority");
        var (_, screener) = await SignedIn("screening");
        using (screener)
        {
            var (_, inbox) = await screener.GetPage(Routes.Console + "?queue=screening");
            inbox.QuerySelectorAll("a").Select(link => link.TextContent.Trim()).ShouldContain(reference);
        }
    }

    [Test]
    public async Task ReleasingAScreenedReportForwardsItOnceWithHowLongItWaitedAndIsAudited()
    {
        var reference = await SendScreened("Someone sent my daughter a message asking for pictures.");
        var (screener, firstSession) = await SignedIn("screening");
        var (_, secondSession) = await SignedIn("screening");
        using (firstSession)
        using (secondSession)
        {
            var (opened, page) = await CasePages.Open(firstSession, reference);
            opened.StatusCode.ShouldBe(HttpStatusCode.OK);
            page.QuerySelector("#screening")!.TextContent.ShouldContain("Waiting for screening");
            page.QuerySelector("#release").ShouldNotBeNull();

            // A double click and a second screener at the same moment.
            var pressed = await Task.WhenAll(
                CasePages.Press(firstSession, reference, "Release"),
                CasePages.Press(firstSession, reference, "Release"),
                CasePages.Press(secondSession, reference, "Release"));
            pressed.ShouldAllBe(response => response.StatusCode == HttpStatusCode.SeeOther);

            var forwards = await _smtp.WaitFor(_ => ForwardsOf(reference).Count >= 2, TimeSpan.FromSeconds(15));
            await StoredDeliveries.WaitUntilSettled(reference, _portal.ConnectionString);
            await Task.Delay(TimeSpan.FromSeconds(2));
            ForwardsOf(reference).SelectMany(message => message.To.Mailboxes.Select(mailbox => mailbox.Address))
                .ShouldBe([PoliceAddress, WelfareAddress], ignoreOrder: true, "one forward per address, however often it was released");
            ForwardsOf(reference).ShouldAllBe(message => message.TextBody!.Contains("it waited") && message.TextBody!.Contains("before a person released it"));
            var screening = ForwardDocuments.Valid(ForwardDocuments.AttachmentOf(ForwardsOf(reference)[0], reference)).Screening.ShouldNotBeNull();
            screening.State.ShouldBe(nameof(ScreeningState.Released));
            screening.Reasons.ShouldNotBeEmpty();
            screening.WaitedSeconds.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(0);

            var released = await CaseOf(reference);
            released.Screening.ShouldBe(nameof(ScreeningState.Released));
            released.Queues.ShouldBe(["screening", "police-cyber", "child-welfare"], ignoreOrder: true);
            (await AuditOf(reference)).Where(line => line.Action == AuditAction.ScreeningReleased)
                .ShouldHaveSingleItem().ActorAccountId.ShouldNotBeNull();
            var (_, after) = await CasePages.Open(firstSession, reference);
            after.QuerySelector("#release").ShouldBeNull("a released report offers no release");
            _ = screener;
        }
    }

    [Test]
    public async Task MarkingAScreenedReportSpamClosesItWithoutAForwardAndIsAuditedAndReopeningPutsItBackInScreening()
    {
        var reference = await SendScreened("Buy cheap followers at our site.");
        var (screener, session) = await SignedIn("screening");
        using (session)
        {
            var marked = await CasePages.Press(session, reference, "Spam");
            marked.StatusCode.ShouldBe(HttpStatusCode.SeeOther);

            var closed = await CaseOf(reference);
            closed.Screening.ShouldBe(nameof(ScreeningState.Spam));
            closed.Status.ShouldBe("Closed");
            closed.Outcome.ShouldBe("Spam");
            (await StoredDeliveries.For(reference, _portal.ConnectionString)).Where(delivery => delivery.Kind == DeliveryKind.Forward)
                .ShouldAllBe(delivery => delivery.Status == DeliveryStatus.Held, "kept, never sent, in case the decision was a mistake");
            (await AuditOf(reference)).Where(line => line.Action == AuditAction.ScreeningMarkedSpam)
                .ShouldHaveSingleItem().ActorAccountId.ShouldBe(screener.Id);

            var releasedAfter = await CasePages.Press(session, reference, "Release");
            releasedAfter.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            await Task.Delay(TimeSpan.FromSeconds(2));
            ForwardsOf(reference).ShouldBeEmpty();

            // A mistake: the case is reopened, waits for screening again, and is released like any other.
            (await CasePages.Press(session, reference, "Reopen")).StatusCode.ShouldBe(HttpStatusCode.SeeOther);
            (await CaseOf(reference)).Screening.ShouldBe(nameof(ScreeningState.Waiting));
            (await CasePages.Press(session, reference, "Release")).StatusCode.ShouldBe(HttpStatusCode.SeeOther);
            await _smtp.WaitFor(_ => ForwardsOf(reference).Count >= 2, TimeSpan.FromSeconds(15));
            ForwardsOf(reference).SelectMany(message => message.To.Mailboxes.Select(mailbox => mailbox.Address))
                .ShouldBe([PoliceAddress, WelfareAddress], ignoreOrder: true, "the forwards held since the report arrived, once each");
        }
    }

    [Test]
    public async Task ARespondersWhoDoNotScreenCannotReleaseAndDoNotSeeHeldReports()
    {
        var urgent = await SendScreened("A child is being hurt at this address now.", danger: "Yes");
        var held = await SendScreened("A stranger keeps writing to my son.");
        var (_, onCall) = await SignedIn("urgent-on-call");
        var (_, welfare) = await SignedIn("child-welfare");
        using (onCall)
        using (welfare)
        {
            var (opened, page) = await CasePages.Open(onCall, urgent);
            opened.StatusCode.ShouldBe(HttpStatusCode.OK, "the on-call queue has the urgent report at once");
            page.QuerySelector("#release").ShouldBeNull();

            var refused = await CasePages.Press(onCall, urgent, "Release");
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await PortalSession.Parse(refused)).QuerySelector("#problem")!.TextContent.Trim()
                .ShouldBe("Only members of the screening queue can release a screened report or mark it spam.");
            (await CasePages.Press(onCall, urgent, "Spam")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await CaseOf(urgent)).Screening.ShouldBe(nameof(ScreeningState.Waiting));

            (await CasePages.Open(welfare, held)).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound,
                "a held report is in the screening queue only");
        }
    }
}
