using ReportingPortal.Core.Email;
using MimeKit;

namespace ReportingPortal.IntegrationTests.Acknowledgements;

public sealed class AcknowledgementTests
{
    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal() => _portal = await Portal.Shared();

    [Test]
    public async Task ThePlainAcknowledgementArrivesWithTheReferenceAndHelpButWithoutWhatWasReported()
    {
        using var visitor = _portal.NewSession();
        var address = $"ack-{Guid.NewGuid():N}@family.example";
        var answers = ReportAnswers.Identified(address)
            .With("Description", "The neighbour Zebulon shows my sister videos.")
            .With("Platform", "QuokkaChat")
            .With("Usernames", "zebulon_the_neighbour")
            .With("Urls", "https://quokka.example/u/zebulon")
            .With("Region", "Quimper")
            .With("EmailWording", "Plain");

        var receipt = await visitor.SubmitReport(answers);
        var message = (await TestRun.Smtp.WaitForMessagesTo(address)).Single(m => SmtpServer.IsTo(m, address));

        message.Subject!.ShouldContain(receipt.Reference);
        message.TextBody!.ShouldContain(receipt.Reference);
        message.HtmlBody!.ShouldContain(receipt.Reference);
        message.TextBody!.ShouldContain("If a child is in danger right now, call 17", customMessage: "help for the country the reporter gave (France)");
        message.TextBody!.ShouldContain("Allô Enfance en Danger 119");
        var everything = message.ToString();
        foreach (var reported in new[] { "Zebulon", "zebulon", "QuokkaChat", "quokka.example", "Quimper", "Sam Parent", "Grooming", receipt.AccessCode })
            everything.ShouldNotContain(reported, Case.Insensitive, $"the acknowledgement must not repeat '{reported}'");
        message.From.Mailboxes.Single().Address.ShouldBe("no-reply@portal.test");
        message.MessageId.ShouldStartWith(receipt.Reference.ToLowerInvariant() + ".acknowledgement.");
    }

    [Test]
    public async Task AnAnonymousReportOwesNoAcknowledgement()
    {
        using var visitor = _portal.NewSession();

        var receipt = await visitor.SubmitReport(ReportAnswers.Anonymous());

        var deliveries = await StoredDeliveries.For(receipt.Reference);
        deliveries.ShouldNotBeEmpty();
        deliveries.ShouldAllBe(delivery => delivery.Kind == DeliveryKind.Forward);
    }

    [Test]
    public async Task TheMailOwedKeepsNoCopyOfTheReportersAddress()
    {
        using var visitor = _portal.NewSession();
        var address = $"private-{Guid.NewGuid():N}@family.example";

        var receipt = await visitor.SubmitReport(ReportAnswers.Identified(address));

        var deliveries = await StoredDeliveries.For(receipt.Reference);
        deliveries.ShouldContain(delivery => delivery.Kind == DeliveryKind.Acknowledgement);
        deliveries.ShouldAllBe(delivery => delivery.Recipient != address);
    }
}
