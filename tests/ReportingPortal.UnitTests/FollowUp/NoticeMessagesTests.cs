using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using ReportingPortal.Core;
using ReportingPortal.Core.Acknowledgements;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Forwarding;
using ReportingPortal.Core.FollowUp;
using ReportingPortal.Core.Reports;

namespace ReportingPortal.UnitTests.FollowUp;

/// <summary>The two content-free notices about messages, built without sending them.</summary>
public sealed class NoticeMessagesTests
{
    private const string Reference = "RP-7K2M-9QXD";

    // Words that tell a reader of a shared inbox what the email is about, per language.
    private static readonly Dictionary<string, string[]> TellingWords = new()
    {
        ["en"] = ["abuse", "child", "report", "helpline", "danger", "police", "sexual", "grooming"],
        ["fr"] = ["abus", "enfant", "signal", "maltrait", "danger", "police", "sexuel"],
        ["es"] = ["abuso", "infantil", "menor", "niñ", "denuncia", "peligro", "policía", "sexual"],
        ["ar"] = ["إساءة", "طفل", "أطفال", "بلاغ", "إبلاغ", "اعتداء", "خطر", "شرطة", "جنسي"],
    };

    private ServiceProvider _services = null!;
    private MailSender _sender = null!;

    [OneTimeSetUp]
    public void Build()
    {
        _services = new ServiceCollection()
            .AddLogging()
            .AddLocalization(options => options.ResourcesPath = "Resources")
            .BuildServiceProvider();
        _sender = new MailSender(Options.Create(new SmtpOptions { Host = "mail.invalid", From = "Report child abuse <no-reply@portal.test>" }));
    }

    [OneTimeTearDown]
    public async Task Dispose()
    {
        await _sender.DisposeAsync();
        await _services.DisposeAsync();
    }

    private IStringLocalizer<SharedResource> Text => _services.GetRequiredService<IStringLocalizer<SharedResource>>();

    private ReporterNoticeMessage ReporterNotices => new(Text, _sender, Options.Create(new AcknowledgementOptions()));

    private ReplyNoticeMessage ReplyNotices => new(Text, _sender, Options.Create(new ConsoleOptions { Address = "https://console.example/" }));

    private static ReportForMail Report(string language, string? wording, string? email = "reporter@family.example") => new()
    {
        Id = 1, Reference = Reference, Language = language, EmailWording = wording,
        Content = new ReportContent(["https://social.example/profile"], null, null, null, "What the report says", null, email),
    };

    [TestCase("Neutral", "reporter@family.example", "reporter@family.example")]
    [TestCase("Plain", "reporter@family.example", "reporter@family.example")]
    [TestCase(null, "reporter@family.example", "reporter@family.example")]
    [TestCase("NotSafe", "reporter@family.example", null)]
    [TestCase("Neutral", null, null)]
    [TestCase("Neutral", " ", null)]
    public void TheReporterIsNoticedOnlyAtAnAddressThatIsStillSafeToMail(string? wording, string? email, string? expected) =>
        ReporterNoticeMessage.AddressOf(Report("en", wording, email)).ShouldBe(expected);

    [TestCase("en")]
    [TestCase("fr")]
    [TestCase("es")]
    [TestCase("ar")]
    public void TheNeutralNoticeSaysThereIsAMessageForTheReferenceAndNothingThatTellsWhatItIsAbout(string language)
    {
        var message = ReporterNotices.Build(Report(language, "Neutral"), 41, "reporter@family.example");

        var (subject, text, html) = (message.Subject!, message.TextBody!, message.HtmlBody!);
        var inbox = $"{message.From}\n{subject}\n{text}";
        subject.ShouldContain(Reference);
        text.ShouldContain(Reference);
        foreach (var word in TellingWords[language])
            inbox.ShouldNotContain(word, Case.Insensitive, $"a shared inbox would read '{word}' in:\n{inbox}");
        foreach (var part in new[] { text, html })
        {
            part.ShouldNotContain("What the report says");
            part.ShouldNotContain("http", customMessage: "no link: it would tell a reader of the inbox which site this is");
        }
        html.ShouldContain(language == "ar" ? "dir=\"rtl\"" : "dir=\"ltr\"");
        message.From.Mailboxes.Single().Name.ShouldBe(new AcknowledgementOptions().SenderName);
    }

    [TestCase("en", "report")]
    [TestCase("fr", "signalement")]
    [TestCase("es", "denuncia")]
    [TestCase("ar", "بلاغ")]
    public void ThePlainNoticeSaysItIsAboutTheReport(string language, string word)
    {
        var message = ReporterNotices.Build(Report(language, "Plain"), 41, "reporter@family.example");

        message.Subject!.ShouldContain(word);
        message.Subject!.ShouldContain(Reference);
        message.From.Mailboxes.Single().Name.ShouldBe(new AcknowledgementOptions().PlainSenderName);
    }

    [Test]
    public void EachMessageHasANoticeWithAMessageIdOfItsOwnThatIsTheSameOnEveryAttempt()
    {
        var first = ReporterNotices.Build(Report("en", "Neutral"), 41, "reporter@family.example").MessageId;

        ReporterNotices.Build(Report("en", "Neutral"), 41, "reporter@family.example").MessageId.ShouldBe(first);
        ReporterNotices.Build(Report("en", "Neutral"), 42, "reporter@family.example").MessageId.ShouldNotBe(first);
        ReplyNotices.Build(Reference, Priority.High, null, "owner@responders.example", 41).MessageId
            .ShouldNotBe(ReplyNotices.Build(Reference, Priority.High, null, "owner@responders.example", 42).MessageId);
    }

    [Test]
    public void TheReplyNoticeToAQueueIsInItsLanguageWithTheCaseLinkAndToTheOwnerInEnglish()
    {
        var queue = new ForwardingQueue { Name = "protection", DisplayName = "Protection de l'enfance", Language = "fr", Addresses = ["duty@protection.example"] };

        var toQueue = ReplyNotices.Build(Reference, Priority.Urgent, queue, "duty@protection.example", 7);
        var toOwner = ReplyNotices.Build(Reference, Priority.Normal, null, "owner@responders.example", 7);

        toQueue.Subject.ShouldBe($"[URGENT] Signalement {Reference} : la personne qui a signalé a écrit");
        toQueue.TextBody!.ShouldContain("https://console.example/console/cases/" + Reference);
        toQueue.TextBody!.ShouldContain("« Protection de l'enfance »");
        toQueue.Priority.ShouldBe(MessagePriority.Urgent);
        toOwner.Subject.ShouldBe($"[NORMAL] Report {Reference}: the reporter wrote");
        toOwner.TextBody!.ShouldContain("because you own this case");
        toOwner.To.Mailboxes.Single().Address.ShouldBe("owner@responders.example");
    }

    [Test]
    public void ANoticeIsFreedOnceSentEvenThoughEveryNoticeIsFromTheSameSender()
    {
        var notice = BuildAndForget();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        notice.IsAlive.ShouldBeFalse();
        ReplyNotices.Build(Reference, Priority.High, null, "owner@responders.example", 43).From.Mailboxes.Single().Address
            .ShouldBe(_sender.Sender.Address);
    }

    // Not inlined, so nothing on the test's own stack still points at the message when it collects.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private WeakReference BuildAndForget() =>
        new(ReplyNotices.Build(Reference, Priority.High, null, "owner@responders.example", 42));
}
