using System.Globalization;
using System.Net;
using MimeKit;
using ReportingPortal.Core.Email;

namespace ReportingPortal.IntegrationTests.Forwarding;

/// <summary>
/// Queues with an OpenPGP key or an S/MIME certificate get their forwards encrypted to it, decrypted here with the
/// queue's own private key; a queue whose key expired gets nothing, and a queue that requires encryption but has no key
/// stops the portal.
/// </summary>
public sealed class EncryptedForwardingTests
{
    private const string PlainQueueAddress = "on-call@responders.example";
    private const string OpenPgpQueueAddress = "cyber-unit@police.example";
    private const string SmimeQueueAddress = "reports@hotline.example";

    private string _folder = null!;

    [OneTimeSetUp]
    public void MakeFolder() => _folder = Directory.CreateTempSubdirectory("rp-queue-keys-").FullName;

    [OneTimeTearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task ForwardsToQueuesWithAKeyOrCertificateAreEncryptedAndReadExactlyAsThePlainForward()
    {
        var openPgp = OpenPgpTestKey.Generate();
        var smime = SmimeTestCertificate.Generate();
        var certificateFile = Path.Combine(_folder, "hotline.pem");
        await File.WriteAllTextAsync(certificateFile, smime.Pem);
        await using var smtp = await SmtpServer.Start();
        await using var portal = await Portal.StartIsolated(smtp, new Dictionary<string, string>
        {
            // One display name for the three queues, so each forward's text is the same whichever queue it went to.
            ["Forwarding__Queues__0__DisplayName"] = "Responders",
            ["Forwarding__Queues__1__DisplayName"] = "Responders",
            ["Forwarding__Queues__2__DisplayName"] = "Responders",
            ["Forwarding__Queues__1__OpenPgpPublicKey"] = openPgp.PublicKeyArmoured,
            ["Forwarding__Queues__1__EncryptionRequired"] = "true",
            ["Forwarding__Queues__2__SmimeCertificateFile"] = certificateFile,
        });
        using var visitor = portal.NewSession();
        const string description = "He sends pictures of a girl of about nine and asks me to pass them on.";

        var receipt = await visitor.SubmitReport(ReportAnswers.Anonymous(description)
            .With("Category", "AbuseMaterialOnline").With("ReporterRole", "Professional").With("ChildInDanger", "Yes"));
        var deliveries = await StoredDeliveries.WaitUntilSettled(receipt.Reference, portal.ConnectionString);

        deliveries.Select(delivery => delivery.Queue).ShouldBe(["urgent-on-call", "police-cyber", "hotline"], ignoreOrder: true);
        deliveries.ShouldAllBe(delivery => delivery.Status == DeliveryStatus.Sent);
        var received = smtp.Messages().Where(message => message.Subject!.Contains(receipt.Reference)).ToList();
        var plain = received.Single(message => SmtpServer.IsTo(message, PlainQueueAddress));
        var toOpenPgpQueue = received.Single(message => SmtpServer.IsTo(message, OpenPgpQueueAddress));
        var toSmimeQueue = received.Single(message => SmtpServer.IsTo(message, SmimeQueueAddress));
        received.ShouldAllBe(message => message.Subject == $"[URGENT] Report {receipt.Reference}");
        plain.TextBody!.ShouldContain(description);

        foreach (var (message, decrypted) in new[] { (toOpenPgpQueue, openPgp.Decrypt(toOpenPgpQueue)), (toSmimeQueue, smime.Decrypt(toSmimeQueue)) })
        {
            message.ToString().ShouldNotContain("pictures of a girl");
            message.TextBody.ShouldBeNull("nothing outside the encrypted part is readable");
            message.MessageId.ShouldStartWith(receipt.Reference.ToLowerInvariant() + ".forward.");
            // Text and HTML, with the JSON attachment beside them inside the encryption.
            var body = decrypted.ShouldBeOfType<Multipart>().OfType<MultipartAlternative>().ShouldHaveSingleItem();
            body.TextBody.ShouldBe(plain.TextBody);
            body.HtmlBody.ShouldBe(plain.HtmlBody);
        }
    }

    [Test]
    public async Task AQueueThatRequiresEncryptionWithoutAKeyStopsThePortalAndSaysWhy()
    {
        var error = await Should.ThrowAsync<InvalidOperationException>(() =>
            Portal.Start(new Dictionary<string, string> { ["Forwarding__Queues__1__EncryptionRequired"] = "true" }));

        error.Message.ShouldStartWith("The portal exited with code");
        error.Message.ShouldNotStartWith("The portal exited with code 0:");
        error.Message.ShouldContain("Forwarding:Queues:1:EncryptionRequired is true for queue 'police-cyber', but it has no OpenPgpPublicKey");
    }

    [Test]
    public async Task AForwardToAQueueWhoseKeyExpiredFailsWithTheReasonAndNothingIsSentInPlain()
    {
        var now = DateTime.UtcNow;
        var created = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc).AddDays(-10);
        var expired = OpenPgpTestKey.Generate(created, TimeSpan.FromDays(1));
        var expiredOn = created.AddDays(1).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        await using var smtp = await SmtpServer.Start();
        await using var portal = await Portal.StartIsolated(smtp, new Dictionary<string, string>
        {
            ["Forwarding__Queues__1__OpenPgpPublicKey"] = expired.PublicKeyArmoured,
        });
        using var visitor = portal.NewSession();

        var receipt = await visitor.SubmitReport(ReportAnswers.Anonymous().With("Category", "Grooming"));
        var deliveries = await StoredDeliveries.WaitUntilSettled(receipt.Reference, portal.ConnectionString);

        var refused = deliveries.Single(delivery => delivery.Queue == "police-cyber");
        refused.Status.ShouldBe(DeliveryStatus.Failed);
        refused.Attempts.ShouldBe(1, "an expired key is not retried");
        refused.LastError.ShouldBe($"the queue's OpenPGP key expired on {expiredOn}; not sent in plain text");
        deliveries.Single(delivery => delivery.Queue == "child-welfare").Status.ShouldBe(DeliveryStatus.Sent);
        await smtp.WaitForMessagesTo("duty@childwelfare.example");
        smtp.Messages().ShouldNotContain(message => SmtpServer.IsTo(message, OpenPgpQueueAddress));
        portal.Output.ShouldContain($"Forwarding queue police-cyber: the queue's OpenPGP key expired on {expiredOn}");

        using var administrator = portal.NewSession();
        (await administrator.SignInToConsole(await ConsoleAccounts.Create(portal, administrator: true))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (response, page) = await administrator.GetPage("/console/mail");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var failedRow = page.QuerySelectorAll("#failed tbody tr").Single(row => row.TextContent.Contains(receipt.Reference));
        failedRow.TextContent.ShouldContain(OpenPgpQueueAddress);
        failedRow.TextContent.ShouldContain($"the queue's OpenPGP key expired on {expiredOn}; not sent in plain text");
    }
}
