using ReportingPortal.Core.Email;

namespace ReportingPortal.IntegrationTests.Forwarding;

/// <summary>Forwarding with the example routing shipped in appsettings.json.</summary>
public sealed class ForwardingTests
{
    private static readonly Dictionary<string, string> QueueAddresses = new()
    {
        ["urgent-on-call"] = "on-call@responders.example",
        ["police-cyber"] = "cyber-unit@police.example",
        ["hotline"] = "reports@hotline.example",
        ["child-welfare"] = "duty@childwelfare.example",
        ["psychosocial"] = "referrals@support.example",
    };

    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal() => _portal = await Portal.Shared();

    [TestCase("Grooming", "ParentOrCaregiver", "No", "NORMAL", "police-cyber", "child-welfare")]
    [TestCase("Sextortion", "ParentOrCaregiver", "No", "HIGH", "police-cyber", "psychosocial")]
    [TestCase("SharingSexualImages", "OtherAdult", "No", "NORMAL", "police-cyber", "hotline")]
    [TestCase("AbuseMaterialOnline", "OtherAdult", "NotSure", "NORMAL", "police-cyber", "hotline")]
    [TestCase("AbuseInPerson", "ParentOrCaregiver", "No", "NORMAL", "child-welfare")]
    [TestCase("AbuseInPerson", "ChildAboutThemselves", "No", "HIGH", "child-welfare", "psychosocial")]
    [TestCase("Other", "OtherAdult", "No", "NORMAL", "child-welfare")]
    [TestCase("Other", "ParentOrCaregiver", "Yes", "URGENT", "urgent-on-call")]
    [TestCase("AbuseMaterialOnline", "Professional", "Yes", "URGENT", "urgent-on-call", "police-cyber", "hotline")]
    public async Task EachQueueGetsExactlyTheReportsItsRulesSelect(string category, string role, string danger, string priority, params string[] queues)
    {
        using var visitor = _portal.NewSession();
        var answers = ReportAnswers.Anonymous($"Routing check for {category}.")
            .With("Category", category).With("ReporterRole", role).With("ChildInDanger", danger);

        var receipt = await visitor.SubmitReport(answers);
        var deliveries = await StoredDeliveries.WaitUntilSettled(receipt.Reference);

        deliveries.Select(delivery => delivery.Queue).ShouldBe(queues, ignoreOrder: true);
        deliveries.ShouldAllBe(delivery => delivery.Status == DeliveryStatus.Sent);
        var expectedAddresses = queues.Select(queue => QueueAddresses[queue]).ToList();
        var forwards = TestRun.Smtp.Messages().Where(message => message.Subject!.Contains(receipt.Reference)).ToList();
        forwards.SelectMany(message => message.To.Mailboxes.Select(mailbox => mailbox.Address)).ShouldBe(expectedAddresses, ignoreOrder: true);
        forwards.ShouldAllBe(message => message.Subject == $"[{priority}] Report {receipt.Reference}");
    }

    [Test]
    public async Task AForwardCarriesWhatAResponderNeedsAndItsSubjectNothingSensitive()
    {
        using var visitor = _portal.NewSession();
        var answers = ReportAnswers.Identified("reporter@family.example")
            .With("Category", "Sextortion")
            .With("Description", "He says he will post the <b>photos</b> tonight & asks for money.\nSecond line.")
            .With("Urls", "https://chat.example/u/blackmailer\nhttps://chat.example/u/other")
            .With("Usernames", "blackmailer99")
            .With("Country", "ES")
            .With("Region", "Valencia");

        var receipt = await visitor.SubmitReport(answers);
        var forward = (await TestRun.Smtp.WaitFor(messages => messages.Any(m => m.Subject!.Contains(receipt.Reference) && SmtpServer.IsTo(m, "cyber-unit@police.example"))))
            .First(m => m.Subject!.Contains(receipt.Reference) && SmtpServer.IsTo(m, "cyber-unit@police.example"));

        forward.Subject.ShouldBe($"[HIGH] Report {receipt.Reference}");
        var text = forward.TextBody!;
        foreach (var expected in new[]
                 {
                     receipt.Reference, "HIGH", "Sextortion", "He says he will post the <b>photos</b> tonight & asks for money.",
                     "Second line.", "https://chat.example/u/blackmailer", "https://chat.example/u/other", "blackmailer99",
                     "ES (Spain)", "Valencia", "10 to 12", "In the last week", "Sam Parent", "reporter@family.example",
                     "UTC", "Police cyber unit",
                 })
            text.ShouldContain(expected);
        forward.HtmlBody!.ShouldContain("&lt;b&gt;photos&lt;/b&gt;");
        forward.HtmlBody!.ShouldNotContain("<b>photos</b>");
        forward.HtmlBody!.ShouldNotContain("<a ");
        forward.MessageId.ShouldStartWith(receipt.Reference.ToLowerInvariant() + ".forward.");
    }
}
