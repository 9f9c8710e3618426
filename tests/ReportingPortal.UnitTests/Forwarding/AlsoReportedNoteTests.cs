using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ReportingPortal.Core;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Forwarding;
using ReportingPortal.Core.Linking;

namespace ReportingPortal.UnitTests.Forwarding;

/// <summary>The forward's note on other reports of the same link, built without sending it.</summary>
public sealed class AlsoReportedNoteTests
{
    private static readonly DateTime Since = new(2026, 11, 20, 9, 30, 5, DateTimeKind.Utc);

    private ServiceProvider _services = null!;
    private MailSender _sender = null!;
    // One for every test, as the worker has one: the languages of the test cases share its cache.
    private MailText _text = null!;

    [OneTimeSetUp]
    public void Build()
    {
        _services = new ServiceCollection().AddLogging().AddLocalization(options => options.ResourcesPath = "Resources").BuildServiceProvider();
        _sender = new MailSender(Options.Create(new SmtpOptions { Host = "mail.invalid", From = "Portal <no-reply@portal.test>" }));
        _text = new MailText(_services.GetRequiredService<IStringLocalizer<SharedResource>>());
    }

    [OneTimeTearDown]
    public async Task Dispose()
    {
        await _sender.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Test]
    public void AReportOfOneLinkReportedOnceBeforeNamesTheOtherReport() =>
        Forward(["https://social.example/p/1"], new LinkedReports(1, Since, ["RP-AAAA-BBBB"]))
            .ShouldContain("This link was also reported in RP-AAAA-BBBB (1 time since 2026-11-20 09:30:05 UTC).");

    [Test]
    public void AReportOfSeveralLinksReportedManyTimesNamesTheLatestAndCountsThemAll()
    {
        var references = Enumerable.Range(0, LinkedReports.ReferencesNamed).Select(i => $"RP-AAAA-BB{i:D2}").ToList();

        var text = Forward(["https://social.example/p/1", "https://social.example/p/2"], new LinkedReports(25, Since, references));

        text.ShouldContain($"A link of this report was also reported in {string.Join(", ", references)}, … (25 times since 2026-11-20 09:30:05 UTC).");
    }

    [Test]
    public void AReportNoOtherNamedSaysNothingOfIt() =>
        Forward(["https://social.example/p/1"], null).ShouldNotContain("Also reported");

    [TestCase("en", "Also reported")]
    [TestCase("fr", "Aussi signalé")]
    [TestCase("es", "También denunciado")]
    [TestCase("ar", "أُبلغ عنه أيضًا")]
    public void TheNoteIsInTheQueuesLanguage(string language, string label)
    {
        var text = Forward(["https://social.example/p/1"], new LinkedReports(3, Since, ["RP-AAAA-BBBB", "RP-CCCC-DDDD", "RP-EEEE-FFFF"]), language);

        text.ShouldContain(label);
        text.ShouldContain("RP-AAAA-BBBB, RP-CCCC-DDDD, RP-EEEE-FFFF (3 ");
        text.ShouldContain("2026-11-20 09:30:05 UTC");
        text.ShouldNotContain("Forward.AlsoReported");
    }

    private string Forward(string[] urls, LinkedReports? linked, string language = "en")
    {
        var forwards = new ForwardMessage(_text, _sender,
            Options.Create(new SignalsOptions()), Options.Create(new ConsoleOptions { Address = "https://console.example/" }),
            Options.Create(new ForwardingOptions()));
        var report = new ReportForMail
        {
            Id = 1, Reference = "RP-7K2M-9QXD", Category = "Other", ChildInDanger = "No", ChildAgeRange = "From10To12",
            Occurred = "ThisWeek", ReporterRole = "OtherAdult", ContactPreference = "Anonymous",
            Content = new ReportContent(urls, null, null, null, "What the report says", null, null),
            AlsoReportedIn = linked,
        };
        var queue = new ForwardingQueue { Name = "hotline", Language = language, Addresses = ["reports@hotline.example"] };
        return forwards.Build(report, queue, queue.Name, "reports@hotline.example").TextBody ?? "";
    }
}
