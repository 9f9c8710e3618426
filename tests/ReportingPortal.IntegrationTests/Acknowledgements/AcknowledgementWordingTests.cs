using ReportingPortal.Core.Email;
using MimeKit;

namespace ReportingPortal.IntegrationTests.Acknowledgements;

/// <summary>
/// The acknowledgement as a shared family inbox shows it: the sender's name, the subject and the first lines.
/// The person reported may read that inbox, so by default none of them may say what the email is about.
/// </summary>
public sealed class AcknowledgementWordingTests
{
    private const int FirstLines = 6;

    private Portal _portal = null!;

    // Words that tell a reader of the inbox what the email is about, per language.
    private static readonly Dictionary<string, string[]> TellingWords = new()
    {
        ["en"] = ["abuse", "child", "report", "helpline", "danger", "police", "sexual", "grooming"],
        ["fr"] = ["abus", "enfant", "signal", "maltrait", "danger", "police", "sexuel", "119"],
        ["es"] = ["abuso", "infantil", "menor", "niñ", "denuncia", "peligro", "policía", "sexual"],
        ["ar"] = ["إساءة", "طفل", "أطفال", "بلاغ", "إبلاغ", "اعتداء", "خطر", "شرطة", "جنسي"],
    };

    // The country given in each language's report, with its help numbers (appsettings.json).
    private static readonly Dictionary<string, (string Country, string[] Numbers)> Help = new()
    {
        ["en"] = ("GB", ["999", "0800 1111"]),
        ["fr"] = ("FR", ["119", "3018"]),
        ["es"] = ("ES", ["112", "900 20 20 10"]),
        ["ar"] = ("EG", ["122", "16000"]),
    };

    [OneTimeSetUp]
    public async Task StartPortal() => _portal = await Portal.Shared();

    [TestCase("en")]
    [TestCase("fr")]
    [TestCase("es")]
    [TestCase("ar")]
    public async Task TheDefaultAcknowledgementDoesNotSayWhatItIsAboutInTheSenderSubjectOrFirstLines(string language)
    {
        var (message, reference) = await AcknowledgementFor(language, wording: null);

        var seen = InboxView(message, reference);
        foreach (var word in TellingWords[language])
            seen.ShouldNotContain(word, Case.Insensitive, $"a shared inbox would read '{word}' in:\n{seen}");
        foreach (var number in Help[language].Numbers)
            message.TextBody!.Replace(reference, "").ShouldNotContain(number, customMessage: "no help numbers unless the reporter asked");
        message.Subject!.ShouldContain(reference);
        message.From.Mailboxes.Single().Address.ShouldBe("no-reply@portal.test");
    }

    [TestCase("en")]
    [TestCase("fr")]
    [TestCase("es")]
    [TestCase("ar")]
    public async Task ThePlainAcknowledgementSaysWhatItIsAndGivesTheHelpNumbers(string language)
    {
        var (message, reference) = await AcknowledgementFor(language, wording: "Plain");

        foreach (var number in Help[language].Numbers)
            message.TextBody!.ShouldContain(number);
        var seen = InboxView(message, reference);
        TellingWords[language].ShouldContain(word => seen.Contains(word, StringComparison.OrdinalIgnoreCase),
            $"the plain acknowledgement says what it is:\n{seen}");
    }

    [Test]
    public async Task NoAcknowledgementIsOwedWhenEmailIsNotSafe()
    {
        using var visitor = _portal.NewSession();
        var address = $"unsafe-{Guid.NewGuid():N}@family.example";

        var receipt = await visitor.SubmitReport(ReportAnswers.Identified(address).With("EmailWording", "NotSafe"));

        receipt.AccessCode.ShouldNotBeNullOrEmpty("the reporter still gets the on-screen receipt");
        var deliveries = await StoredDeliveries.For(receipt.Reference);
        deliveries.ShouldNotBeEmpty();
        deliveries.ShouldAllBe(delivery => delivery.Kind == DeliveryKind.Forward);
    }

    [Test]
    public async Task TheCheckStepShowsTheEmailWordingAndItCanBeChangedThere()
    {
        using var visitor = _portal.NewSession();
        var answers = ReportAnswers.Identified().With("EmailWording", "NotSafe");
        var fields = await visitor.FillReportForm(answers);
        fields["Step"] = "check";
        fields["Go"] = "next";

        var (_, check) = await PageFor(visitor, fields);
        check.QuerySelector("#check-contact")!.ParentElement!.TextContent.ShouldContain("It is not safe to email me");

        fields["Go"] = "change:contact";
        var (_, contact) = await PageFor(visitor, fields);
        contact.QuerySelector("input[name='Form.EmailWording'][value='NotSafe']")!.HasAttribute("checked").ShouldBeTrue();
        contact.QuerySelector("input[name='Form.EmailWording'][value='Neutral']").ShouldNotBeNull();
    }

    private static async Task<(HttpResponseMessage, AngleSharp.Html.Dom.IHtmlDocument)> PageFor(
        PortalSession visitor, Dictionary<string, string> fields)
    {
        var response = await visitor.Post("/report", fields);
        return (response, await PortalSession.Parse(response));
    }

    private async Task<(MimeMessage Message, string Reference)> AcknowledgementFor(string language, string? wording)
    {
        using var visitor = _portal.NewSession();
        visitor.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var address = $"wording-{language}-{Guid.NewGuid():N}@family.example";
        var answers = ReportAnswers.Identified(address).With("Country", Help[language].Country);
        if (wording is not null)
            answers.With("EmailWording", wording);

        var receipt = await visitor.SubmitReport(answers);
        var message = (await TestRun.Smtp.WaitForMessagesTo(address)).Single(m => SmtpServer.IsTo(m, address));
        return (message, receipt.Reference);
    }

    /// <summary>What an inbox list and preview show: sender name, subject and the first lines of the text.</summary>
    private static string InboxView(MimeMessage message, string reference)
    {
        var firstLines = message.TextBody!.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Take(FirstLines);
        return string.Join('\n', [message.From.Mailboxes.Single().Name, message.Subject, .. firstLines]).Replace(reference, "");
    }
}
