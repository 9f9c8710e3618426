using Dapper;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Storage;
using ReportingPortal.IntegrationTests.Cases;

namespace ReportingPortal.IntegrationTests.FollowUp;

/// <summary>
/// The content-free notices about messages, sent by the portal's worker to the real SMTP sink: to the reporter when a
/// responder wrote (in the report's language and wording), and to the owner or the queues when the reporter wrote. A
/// report by a child about abuse in person goes to the child-welfare and psychosocial queues, one address each.
/// </summary>
public sealed class NoticeMailTests
{
    private const string ChildWelfare = "duty@childwelfare.example";
    private const string Psychosocial = "referrals@support.example";

    // Words that tell a reader of a shared inbox what the email is about (as in AcknowledgementWordingTests).
    private static readonly Dictionary<string, string[]> TellingWords = new()
    {
        ["es"] = ["abuso", "infantil", "menor", "niñ", "denuncia", "peligro", "policía", "sexual"],
        ["ar"] = ["إساءة", "طفل", "أطفال", "بلاغ", "إبلاغ", "اعتداء", "خطر", "شرطة", "جنسي"],
    };

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

    private sealed record Submitted(string Reference, string AccessCode, string Description);

    private async Task<Submitted> Report(Dictionary<string, string> answers, string? language = null)
    {
        using var reporter = _portal.NewSession();
        if (language is not null)
            reporter.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var description = $"What only the report says {Guid.NewGuid():N}";
        var receipt = await reporter.SubmitReport(answers.With("Description", description)
            .With("Category", "AbuseInPerson").With("ReporterRole", "ChildAboutThemselves"));
        return new Submitted(receipt.Reference, receipt.AccessCode, description);
    }

    private async Task<string> MessageToTheReporter(string reference)
    {
        var responder = await Responders.Of("child-welfare", "Message Writer");
        var text = $"Can you tell us which school it is? {Guid.NewGuid():N}";
        (await _services.GetRequiredService<SendMessageToReporterHandler>().Handle(reference, responder, text, CancellationToken.None))
            .ShouldBe(CaseActionResult.Done);
        return text;
    }

    [TestCase("ar", null, "rtl")]
    [TestCase("es", "Plain", "ltr")]
    [TestCase("ar", "Plain", "rtl")]
    [TestCase("es", null, "ltr")]
    public async Task TheReporterGetsANoticeInTheirLanguageThatHoldsNeitherTheMessageNorTheCodeNorTheReport(
        string language, string? wording, string direction)
    {
        var address = $"notice-{language}-{Guid.NewGuid():N}@family.example";
        var answers = ReportAnswers.Identified(address);
        if (wording is not null)
            answers.With("EmailWording", wording);
        var report = await Report(answers, language);
        await StoredDeliveries.WaitUntilSettled(report.Reference);

        var text = await MessageToTheReporter(report.Reference);

        var notice = await NoticeTo(address);
        var subject = notice.Subject.ShouldNotBeNull();
        var body = notice.TextBody.ShouldNotBeNull();
        var html = notice.HtmlBody.ShouldNotBeNull();
        subject.ShouldContain(report.Reference);
        body.ShouldContain(report.Reference);
        html.ShouldContain($"dir=\"{direction}\"");
        html.ShouldContain($"lang=\"{language}\"");
        foreach (var secret in new[] { text, report.AccessCode, report.AccessCode.Replace("-", ""), report.Description, "stranger123", "http" })
        {
            subject.ShouldNotContain(secret);
            body.ShouldNotContain(secret);
            html.ShouldNotContain(secret, customMessage: "no message, no access code, nothing reported, no link");
        }
        var inbox = $"{notice.From}\n{subject}\n{body}";
        if (wording == "Plain")
            TellingWords[language].ShouldContain(word => inbox.Contains(word, StringComparison.OrdinalIgnoreCase),
                $"the plain notice says what it is about:\n{inbox}");
        else
            foreach (var word in TellingWords[language])
                inbox.ShouldNotContain(word, Case.Insensitive, $"a shared inbox would read '{word}' in:\n{inbox}");
        (await StoredDeliveries.WaitUntilSettled(report.Reference)).Where(delivery => delivery.Kind == DeliveryKind.ReporterNotice)
            .ShouldHaveSingleItem().ShouldSatisfyAllConditions(
                delivery => delivery.Status.ShouldBe(DeliveryStatus.Sent),
                delivery => delivery.Recipient.ShouldBeNull("the notice's address is read from the report when it is sent"));
    }

    /// <summary>The notice about a message: its Message-ID names the message; the acknowledgement's does not.</summary>
    private static bool IsNotice(MimeMessage message, string address) =>
        SmtpServer.IsTo(message, address) && (message.MessageId ?? "").StartsWith("message-", StringComparison.Ordinal);

    private static async Task<MimeMessage> NoticeTo(string address) =>
        (await TestRun.Smtp.WaitFor(messages => messages.Any(message => IsNotice(message, address))))
        .Where(message => IsNotice(message, address)).ShouldHaveSingleItem();

    [Test]
    public async Task EachMessageToTheReporterGetsANoticeOfItsOwn()
    {
        var address = $"twice-{Guid.NewGuid():N}@family.example";
        var report = await Report(ReportAnswers.Identified(address));

        await MessageToTheReporter(report.Reference);
        await MessageToTheReporter(report.Reference);

        var notices = (await TestRun.Smtp.WaitFor(messages => messages.Count(message => IsNotice(message, address)) >= 2))
            .Where(message => IsNotice(message, address)).ToList();
        notices.Count.ShouldBe(2);
        notices.Select(message => message.MessageId).Distinct().Count().ShouldBe(2);
    }

    [Test]
    public async Task NoNoticeIsOwedForAnAnonymousReportOrOneWhoseEmailIsNotSafe()
    {
        var anonymous = await Report(ReportAnswers.Anonymous());
        var notSafe = await Report(ReportAnswers.Identified($"unsafe-{Guid.NewGuid():N}@family.example").With("EmailWording", "NotSafe"));

        foreach (var report in new[] { anonymous, notSafe })
        {
            await MessageToTheReporter(report.Reference);

            (await StoredMessages(report.Reference)).ShouldHaveSingleItem().ShouldBe(MessageDirection.ToReporter.Stored());
            (await StoredDeliveries.For(report.Reference)).ShouldNotContain(delivery => delivery.Kind == DeliveryKind.ReporterNotice);
        }
    }

    [Test]
    public async Task ANoticeOwedBeforeTheReportsEmailBecameUnsafeFailsForGoodWithoutAnAddress()
    {
        var address = $"changed-{Guid.NewGuid():N}@family.example";
        var report = await Report(ReportAnswers.Identified(address));
        await StoredDeliveries.WaitUntilSettled(report.Reference);
        var responder = await Responders.Of("child-welfare", "Message Writer");
        await using (var connection = await TestDatabase.Open())
        {
            // A notice still owed when the report's email wording changed: the worker reads the wording when it sends.
            await ReportingPortal.Testing.StoredMessages.Insert(connection, report.Reference, MessageDirection.ToReporter, responder, "Did you see him again?");
            await connection.ExecuteAsync("""
                update reports set email_wording = 'NotSafe' where reference = @Reference;
                insert into mail_deliveries (report_id, kind, topic, priority, priority_rank)
                select r.id, 'ReporterNotice', (select max(m.id)::text from case_messages m where m.report_id = r.id), r.priority, c.priority_rank
                from reports r join cases c on c.report_id = r.id where r.reference = @Reference;
                """, new { report.Reference, responder });
        }

        var notice = (await StoredDeliveries.WaitUntilSettled(report.Reference))
            .Where(delivery => delivery.Kind == DeliveryKind.ReporterNotice).ShouldHaveSingleItem();

        notice.Status.ShouldBe(DeliveryStatus.Failed);
        notice.LastError.ShouldBe("no address");
        TestRun.Smtp.Messages().Count(message => SmtpServer.IsTo(message, address)).ShouldBe(1, "the acknowledgement only");
    }

    [Test]
    public async Task TheReportersAnswerIsNoticedToEachQueueAddressWhileNobodyOwnsTheCaseWithoutWhatTheyWrote()
    {
        var report = await Report(ReportAnswers.Anonymous());
        await StoredDeliveries.WaitUntilSettled(report.Reference);

        var answer = await TheReporterAnswers(report.Reference, [("child-welfare", ChildWelfare), ("psychosocial", Psychosocial)]);

        foreach (var address in new[] { ChildWelfare, Psychosocial })
            ShouldBeAContentFreeReplyNotice(await ReplyNoticeTo(address, report.Reference), report, answer);
    }

    [Test]
    public async Task TheReportersAnswerIsNoticedToTheOwnerOnceSomeoneOwnsTheCase()
    {
        var report = await Report(ReportAnswers.Anonymous());
        await StoredDeliveries.WaitUntilSettled(report.Reference);
        var owner = await Responders.Of("child-welfare", "Case Owner");
        (await _services.GetRequiredService<TakeCaseHandler>().Handle(report.Reference, owner, CancellationToken.None)).ShouldBe(CaseActionResult.Done);
        await using var connection = await TestDatabase.Open();
        var ownerAddress = await connection.ExecuteScalarAsync<string>("select email from accounts where id = @owner", new { owner });

        var answer = await TheReporterAnswers(report.Reference, [(null, ownerAddress!)]);

        var notice = await ReplyNoticeTo(ownerAddress!, report.Reference);
        ShouldBeAContentFreeReplyNotice(notice, report, answer);
        notice.TextBody!.ShouldContain("because you own this case");
        TestRun.Smtp.Messages().ShouldNotContain(message => SmtpServer.IsTo(message, ChildWelfare) && IsReplyNotice(message, report.Reference),
            "an owned case's queues are not told");
    }

    private void ShouldBeAContentFreeReplyNotice(MimeMessage notice, Submitted report, string answer)
    {
        var body = notice.TextBody.ShouldNotBeNull();
        notice.Subject.ShouldBe($"[HIGH] Report {report.Reference}: the reporter wrote");
        body.ShouldContain(report.Reference);
        body.ShouldContain($"{_portal.Address.ToString().TrimEnd('/')}/console/cases/{report.Reference}");
        foreach (var secret in new[] { answer, "school.example", report.Description, report.AccessCode })
        {
            notice.Subject!.ShouldNotContain(secret);
            body.ShouldNotContain(secret);
            notice.HtmlBody.ShouldNotBeNull().ShouldNotContain(secret);
        }
    }

    /// <summary>
    /// What the reporter's reply does, written straight to the database: their message, and a notice owed to each
    /// recipient (the owner with no queue, or a queue's address with its queue) with the message's id as topic.
    /// </summary>
    private static async Task<string> TheReporterAnswers(string reference, (string? Queue, string Address)[] recipients)
    {
        var answer = $"It is the school by the river {Guid.NewGuid():N}";
        await using var connection = await TestDatabase.Open();
        var (reportId, messageId) = await ReportingPortal.Testing.StoredMessages.Insert(connection, reference, MessageDirection.FromReporter, null, answer,
            "https://school.example/pupils");
        await connection.ExecuteAsync("""
            insert into mail_deliveries (report_id, kind, queue, recipient, topic, priority, priority_rank)
            select r.id, @ReplyNotice, recipient.queue, recipient.address, @Topic, r.priority, c.priority_rank
            from reports r join cases c on c.report_id = r.id, unnest(@Queues, @Addresses) as recipient (queue, address)
            where r.id = @reportId
            """, new
            {
                reportId, ReplyNotice = DeliveryKind.ReplyNotice.Stored(), Topic = messageId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Queues = recipients.Select(recipient => recipient.Queue).ToArray(),
                Addresses = recipients.Select(recipient => recipient.Address).ToArray(),
            });
        return answer;
    }

    private static bool IsReplyNotice(MimeMessage message, string reference) =>
        message.Subject?.EndsWith($"Report {reference}: the reporter wrote", StringComparison.Ordinal) == true;

    private static async Task<MimeMessage> ReplyNoticeTo(string address, string reference) =>
        (await TestRun.Smtp.WaitFor(messages => messages.Any(message => SmtpServer.IsTo(message, address) && IsReplyNotice(message, reference))))
        .Single(message => SmtpServer.IsTo(message, address) && IsReplyNotice(message, reference));

    private static async Task<IReadOnlyList<string>> StoredMessages(string reference)
    {
        await using var connection = await TestDatabase.Open();
        return (await connection.QueryAsync<string>("""
            select m.direction from case_messages m join reports r on r.id = m.report_id where r.reference = @reference order by m.id
            """, new { reference })).ToList();
    }
}
