using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Forwarding;
using ReportingPortal.IntegrationTests.Cases;

namespace ReportingPortal.IntegrationTests.Forwarding;

/// <summary>
/// The JSON attachment of forwards and referrals (RP-XXXX-XXXX.json): every one the tests make is checked against the
/// published schema, and read back field by field against what was submitted.
/// </summary>
public sealed class ForwardDocumentTests
{
    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal() => _portal = await Portal.Shared();

    /// <summary>The forwards of the report as the SMTP server got them, with the queue each was for.</summary>
    private static async Task<IReadOnlyList<(string Queue, MimeMessage Message)>> ForwardsOf(string reference, string? connectionString = null,
        SmtpServer? smtp = null)
    {
        var forwards = (await StoredDeliveries.WaitUntilSettled(reference, connectionString)).Where(delivery => delivery.Kind == DeliveryKind.Forward).ToList();
        forwards.ShouldNotBeEmpty();
        forwards.ShouldAllBe(delivery => delivery.Status == DeliveryStatus.Sent);
        var received = await (smtp ?? TestRun.Smtp).WaitFor(messages =>
            forwards.All(delivery => messages.Any(m => m.Subject!.Contains(reference) && SmtpServer.IsTo(m, delivery.Recipient!))));
        return forwards.Select(delivery => (delivery.Queue!, received.First(m => m.Subject!.Contains(reference) && SmtpServer.IsTo(m, delivery.Recipient!))))
            .ToList();
    }

    [Test]
    public async Task EveryForwardOfEveryCategoryWithAndWithoutContactDetailsCarriesAnAttachmentTheSchemaAccepts(
        [Values("Grooming", "Sextortion", "SharingSexualImages", "AbuseMaterialOnline", "AbuseInPerson", "Other")] string category,
        [Values] bool identified)
    {
        using var visitor = _portal.NewSession();
        var answers = (identified ? ReportAnswers.Identified("carer@family.example") : ReportAnswers.Anonymous()).With("Category", category);

        var receipt = await visitor.SubmitReport(answers);
        var forwards = await ForwardsOf(receipt.Reference);

        foreach (var (queue, message) in forwards)
        {
            var document = ForwardDocuments.Valid(ForwardDocuments.AttachmentOf(message, receipt.Reference));
            document.Reference.ShouldBe(receipt.Reference);
            document.Queue.Name.ShouldBe(queue);
            document.IncidentSummary.IncidentType.ShouldBe(category);
            document.Reporter.Email.ShouldBe(identified ? "carer@family.example" : null);
            document.Reporter.Name.ShouldBe(identified ? "Sam Parent" : null);
            document.Referral.ShouldBeNull();
        document.Screening.ShouldBeNull("the report's signals were good");
            message.TextBody.ShouldNotBeNull().ShouldContain(receipt.Reference, customMessage: "the text is still there beside the attachment");
        }
    }

    [Test]
    public async Task TheAttachmentReadBackHoldsEveryFieldAsItWasSubmitted()
    {
        using var visitor = _portal.NewSession();
        const string description = "He said \"don't tell\" & sent a link.\nSecond line: مرحبا <script>x</script>";
        var answers = ReportAnswers.Identified("round.trip@family.example")
            .With("Category", "AbuseMaterialOnline")
            .With("ReporterRole", "Professional")
            .With("ChildInDanger", "NotSure")
            .With("When", "Ongoing")
            .With("ChildAge", "From13To15")
            .With("Description", description)
            .With("Urls", "https://images.example/a/1\nhttps://images.example/b?c=2")
            .With("Platform", "Example Images")
            .With("Usernames", "uploader_1, uploader_2")
            .With("Country", "ES")
            .With("Region", "Valencia")
            .With("ContactName", "Dr Ana Ruiz");

        var receipt = await visitor.SubmitReport(answers);
        var stored = await StoredReport.Load(receipt.Reference);
        var (queue, message) = (await ForwardsOf(receipt.Reference)).First(forward => forward.Queue == "hotline");
        var json = ForwardDocuments.AttachmentOf(message, receipt.Reference);
        var document = ForwardDocuments.Valid(json);

        document.SchemaVersion.ShouldBe("1.1");
        document.Reference.ShouldBe(receipt.Reference);
        document.Priority.ShouldBe("Normal");
        document.Queue.ShouldBe(new ForwardDocument.QueueSection(queue, "Hotline for abuse material online"));
        document.CaseLink.ShouldBe($"{_portal.Address.ToString().TrimEnd('/')}/console/cases/{receipt.Reference}");
        document.Language.ShouldBe("en");
        document.ContentDeleted.ShouldBeFalse();
        document.IncidentSummary.ShouldBe(new ForwardDocument.IncidentSummarySection("AbuseMaterialOnline", false, "NotSure", "Ongoing",
            new DateTimeOffset(stored.received_at.ToUniversalTime(), TimeSpan.Zero)));
        document.InternetDetails.ShouldNotBeNull().ShouldSatisfyAllConditions(
            internet => internet.WebPageUrls.ShouldBe(["https://images.example/a/1", "https://images.example/b?c=2"]),
            internet => internet.Platform.ShouldBe("Example Images"),
            internet => internet.Usernames.ShouldBe("uploader_1, uploader_2"));
        document.Location.ShouldBe(new ForwardDocument.LocationSection("ES", "Spain", "Valencia"));
        document.Reporter.ShouldBe(new ForwardDocument.ReporterSection("Professional", "Email", "Dr Ana Ruiz", "round.trip@family.example"));
        document.Victim.ShouldBe(new ForwardDocument.VictimSection("From13To15"));
        document.AdditionalInformation.ShouldBe(description);
        document.Signals.ShouldBe(new ForwardDocument.SignalsSection("Verified", false, stored.seconds_to_fill));
        stored.seconds_to_fill.ShouldNotBeNull();
        document.Referral.ShouldBeNull();

        using var raw = JsonDocument.Parse(json);
        raw.RootElement.GetProperty("incidentSummary").GetProperty("incidentType").GetString().ShouldBe("AbuseMaterialOnline");
        raw.RootElement.GetProperty("internetDetails").GetProperty("webPageUrls").GetArrayLength().ShouldBe(2);
        raw.RootElement.GetProperty("schemaVersion").GetString().ShouldBe("1.1");
        Encoding.UTF8.GetString(json).ShouldContain("مرحبا", customMessage: "text in another script is written as it is, not as \\u escapes");
    }

    [Test]
    public async Task AnAnonymousReportsAttachmentHasNoNameOrEmailAtAll()
    {
        using var visitor = _portal.NewSession();
        var receipt = await visitor.SubmitReport(ReportAnswers.Anonymous().With("ContactName", "Ignored Name"));

        var (_, message) = (await ForwardsOf(receipt.Reference)).First();
        using var raw = JsonDocument.Parse(ForwardDocuments.AttachmentOf(message, receipt.Reference));

        var reporter = raw.RootElement.GetProperty("reporter");
        reporter.GetProperty("contactPreference").GetString().ShouldBe("Anonymous");
        reporter.TryGetProperty("name", out _).ShouldBeFalse();
        reporter.TryGetProperty("email", out _).ShouldBeFalse();
    }

    [Test]
    public async Task AReferralsAttachmentSaysWhoReferredTheCaseWhenAndWhy()
    {
        await using var services = PortalServices.For(_portal);
        using var visitor = _portal.NewSession();
        var reference = (await visitor.SubmitReport(ReportAnswers.Anonymous("A stranger asks a child at the club for photos.")
            .With("Category", "Other").With("ReporterRole", "OtherAdult"))).Reference;
        var owner = await Responders.Of("child-welfare", "Referring Responder");
        const string reason = "The child needs counselling; \"urgent\" = soon.";

        (await services.GetRequiredService<ReferCaseHandler>().Handle(reference, owner, "psychosocial", reason, CancellationToken.None))
            .ShouldBe(CaseActionResult.Done);
        var referral = (await TestRun.Smtp.WaitFor(messages => messages.Any(m => IsReferral(m, reference)))).Single(m => IsReferral(m, reference));
        var document = ForwardDocuments.Valid(ForwardDocuments.AttachmentOf(referral, reference));

        document.Queue.ShouldBe(new ForwardDocument.QueueSection("psychosocial", "Health and psychosocial support"));
        var section = document.Referral.ShouldNotBeNull();
        section.ShouldBe(new ForwardDocument.ReferralSection("psychosocial", "child-welfare", "Child welfare services", section.ReferredAt, reason));
        section.ReferredAt.ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(2));
        document.AdditionalInformation.ShouldBe("A stranger asks a child at the club for photos.");
    }

    private static bool IsReferral(MimeMessage message, string reference) =>
        message.Subject!.Contains(reference) && SmtpServer.IsTo(message, "referrals@support.example")
                                             && message.MessageId?.Contains(".referral.") == true;

    [Test]
    public async Task AQueueWithAKeyGetsTheAttachmentEncryptedWithTheEmailAndDecryptedItIsTheSameDocument()
    {
        var openPgp = OpenPgpTestKey.Generate();
        await using var smtp = await SmtpServer.Start();
        await using var portal = await Portal.StartIsolated(smtp, new Dictionary<string, string>
        {
            ["Forwarding__Queues__1__OpenPgpPublicKey"] = openPgp.PublicKeyArmoured,
        });
        using var visitor = portal.NewSession();

        var receipt = await visitor.SubmitReport(ReportAnswers.Identified("secret.parent@family.example").With("Category", "Grooming"));
        var forwards = await ForwardsOf(receipt.Reference, portal.ConnectionString, smtp);
        var (_, encrypted) = forwards.Single(forward => forward.Queue == "police-cyber");
        var (_, plain) = forwards.Single(forward => forward.Queue == "child-welfare");

        var raw = encrypted.ToString();
        raw.ShouldNotContain($"{receipt.Reference}.json");
        raw.ShouldNotContain("application/json");
        raw.ShouldNotContain("secret.parent@family.example");
        encrypted.BodyParts.ShouldNotContain(part => part.ContentType.MimeType == "application/json", "nothing outside the encrypted part");
        var decrypted = ForwardDocuments.Valid(ForwardDocuments.AttachmentOf(openPgp.Decrypt(encrypted), receipt.Reference));
        var sent = ForwardDocuments.Valid(ForwardDocuments.AttachmentOf(plain, receipt.Reference));
        decrypted.Queue.Name.ShouldBe("police-cyber");
        Json(decrypted with { Queue = sent.Queue }).ShouldBe(Json(sent));
        decrypted.Reporter.Email.ShouldBe("secret.parent@family.example");
    }

    [Test]
    public async Task WithTheJsonAttachmentSwitchedOffForwardsAreTextAndHtmlOnly()
    {
        await using var smtp = await SmtpServer.Start();
        await using var portal = await Portal.StartIsolated(smtp, new Dictionary<string, string> { ["Forwarding__JsonAttachment"] = "false" });
        using var visitor = portal.NewSession();

        var receipt = await visitor.SubmitReport(ReportAnswers.Anonymous());
        var forwards = await ForwardsOf(receipt.Reference, portal.ConnectionString, smtp);

        forwards.ShouldAllBe(forward => forward.Message.Body is MultipartAlternative);
        forwards.ShouldAllBe(forward => !forward.Message.Attachments.Any());
    }

    private static string Json(ForwardDocument document) => System.Text.Encoding.UTF8.GetString(document.ToUtf8());
}
