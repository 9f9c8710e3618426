using System.Net;
using System.Text;
using Dapper;

namespace ReportingPortal.IntegrationTests.Security;

/// <summary>Hostile and broken input is refused with a 4xx or stored as inert text, never answered with a 500.</summary>
public sealed class HostileInputTests
{
    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal() => _portal = await Portal.Shared();

    // Named by what they hold: a test name with the control characters themselves cannot be selected by a filter.
    private static readonly TestCaseData[] StoredClean =
    [
        Case("bidi overrides and isolates", "Name \u202Egnp.exe\u202C and \u2066isolated\u2069 text.", "Name gnp.exe and isolated text."),
        Case("zero-width and other invisible format characters", "Zero\u200Bwidth\u200C join\u200D marks\u200E\u200F word\u2060joiner\u2064 and\uFEFF BOM \u061Cmark.", "Zerowidth join marks wordjoiner and BOM mark."),
        Case("other control characters", "Bell\u0007 escape\u001B[31m next\u0085line\u007F.", "Bell escape[31m nextline."),
        Case("decomposed accents", "Cafe\u0301 in Mu\u0308nchen.", "Café in München."),
        Case("Windows line breaks and tabs", "Line one\r\n\tLine two.", "Line one\n\tLine two."),
        Case("SQL", "'); drop table reports; -- and \" or 1=1 --", "'); drop table reports; -- and \" or 1=1 --"),
        Case("HTML and script", "<script>alert(1)</script><img src=x onerror=alert(2)>", "<script>alert(1)</script><img src=x onerror=alert(2)>"),
    ];

    private static TestCaseData Case(string why, params object[] arguments) =>
        new TestCaseData([why, .. arguments]).SetArgDisplayNames(why);

    [TestCaseSource(nameof(StoredClean))]
    public async Task HostileTextIsStoredCleanedAndInert(string why, string typed, string stored)
    {
        using var visitor = _portal.NewSession();

        var receipt = await visitor.SubmitReport(ReportAnswers.Anonymous(typed).With("Region", typed.Replace("\n", " ")));

        var report = await StoredReport.Load(receipt.Reference);
        report.description.ShouldBe(stored, why);
        report.region.ShouldNotBeNull().ShouldNotContain('\0');
        report.region.ShouldNotContain('\u202E');
        await using var connection = await TestDatabase.Open();
        (await connection.ExecuteScalarAsync<long>("select count(*) from reports")).ShouldBeGreaterThan(0, "the table is still there");
    }

    [Test]
    public async Task ZeroWidthCharactersAreRemovedFromUsernamesAndNames()
    {
        using var visitor = _portal.NewSession();
        var answers = ReportAnswers.Identified("zero-width@family.example")
            .With("Usernames", "\u200Bstran\u200Bger\u200F123\u2060, \uFEFFother\u200D_user")
            .With("Platform", "Example\u200B Social")
            .With("ContactName", "Sa\u200Cm\u202A Parent\u202C");

        var receipt = await visitor.SubmitReport(answers);

        var stored = await StoredReport.Load(receipt.Reference);
        stored.usernames.ShouldBe("stranger123, other_user");
        stored.platform.ShouldBe("Example Social");
        stored.contact_name.ShouldBe("Sam Parent");
    }

    [Test]
    public async Task NulBytesAreRefusedByTheFormReaderAndNothingIsStored()
    {
        using var visitor = _portal.NewSession();

        var response = await visitor.SendReport(ReportAnswers.Anonymous("Before\0after.").With("Region", "Ly\0on"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("nothing was sent");
        (await StoredReport.CountWithDescription("Beforeafter.")).ShouldBe(0);
    }

    [Test]
    public async Task ScriptTypedIntoTheFormIsShownAsTextOnTheFormAndInResponderEmails()
    {
        const string payload = "<script>alert('x')</script><b onmouseover=alert(1)>bold</b>";
        using var visitor = _portal.NewSession();

        var refused = await PortalSession.Parse(await visitor.SendReport(ReportAnswers.Anonymous(payload).Without("Category")));
        refused.QuerySelectorAll("script:not([src]), b").ShouldBeEmpty();
        refused.QuerySelector("#Form_Description")!.TextContent.ShouldBe(payload);

        var receipt = await visitor.SubmitReport(ReportAnswers.Anonymous(payload).With("Platform", payload));
        var messages = await TestRun.Smtp.WaitFor(all => all.Any(message => message.Subject!.Contains(receipt.Reference)));
        var html = messages.First(message => message.Subject!.Contains(receipt.Reference)).HtmlBody!;
        html.ShouldNotContain("<script>");
        html.ShouldNotContain("<b onmouseover");
        html.ShouldContain("&lt;script&gt;");
    }

    [Test]
    public async Task LineBreaksInContactFieldsAddNoMailHeaders()
    {
        using var visitor = _portal.NewSession();
        const string reporter = "crlf-reporter@family.example";
        var answers = ReportAnswers.Identified(reporter)
            .With("ContactName", "Sam\r\nBcc: attacker@evil.example\r\nSubject: hacked");

        var receipt = await visitor.SubmitReport(answers);

        (await StoredReport.Load(receipt.Reference)).contact_name.ShouldBe("Sam Bcc: attacker@evil.example Subject: hacked");
        var messages = await TestRun.Smtp.WaitFor(all => all.Count(message => message.Subject!.Contains(receipt.Reference)) >= 2
                                                          && all.Any(message => SmtpServer.IsTo(message, reporter)));
        foreach (var message in messages.Where(message => message.Subject!.Contains(receipt.Reference) || SmtpServer.IsTo(message, reporter)))
        {
            message.Bcc.ShouldBeEmpty();
            message.Cc.ShouldBeEmpty();
            message.To.Mailboxes.ShouldNotContain(mailbox => mailbox.Address.Contains("evil"));
            message.Subject.ShouldNotBe("hacked");
        }
    }

    private static readonly TestCaseData[] RawBodies =
    [
        Case("a body larger than the limit", "Form.Description=" + new string('a', 300 * 1024)),
        Case("too many fields", string.Join('&', Enumerable.Range(0, 500).Select(i => $"f{i}=x"))),
        Case("a field name too long", new string('k', 5000) + "=x"),
        Case("invalid UTF-8", "Form.Description=%FF%FE%ED%A0%80"),
        Case("a broken percent escape", "Form.Description=%%%ZZ%"),
        Case("choices that are not choices", "Form.Category=999&Form.ChildInDanger=%00&Form.Contact=Email%0D%0A"),
    ];

    [TestCaseSource(nameof(RawBodies))]
    public async Task BrokenOrOversizedFormsAreAnsweredWithoutAServerError(string why, string body)
    {
        using var visitor = _portal.NewSession();
        var fields = await visitor.OpenReportForm();
        var token = $"__RequestVerificationToken={Uri.EscapeDataString(fields["__RequestVerificationToken"])}&Form.FormKey={fields["Form.FormKey"]}&";
        var before = await StoredReport.Count();

        var response = await visitor.Client.PostAsync("/report",
            new ByteArrayContent(Encoding.ASCII.GetBytes(token + body)) { Headers = { { "Content-Type", "application/x-www-form-urlencoded" } } });

        ((int)response.StatusCode).ShouldBeLessThan(500, why);
        (await StoredReport.Count()).ShouldBe(before, "nothing was stored");
        _portal.IsRunning.ShouldBeTrue();
    }

    private static readonly TestCaseData[] OtherContentTypes =
    [
        Case("JSON", "application/json"),
        Case("XML with an external entity", "text/xml"),
        Case("a file upload", "multipart/form-data; boundary=xyz"),
    ];

    /// <summary>A complete report, with a solved captcha and the antiforgery token, in another content type.</summary>
    [TestCaseSource(nameof(OtherContentTypes))]
    public async Task OtherContentTypesAreRefusedAndNothingIsStored(string why, string contentType)
    {
        const string description = "Sent in another content type.";
        using var visitor = _portal.NewSession();
        var fields = await visitor.FillReportForm(ReportAnswers.Anonymous(description));
        var body = contentType switch
        {
            "application/json" => System.Text.Json.JsonSerializer.Serialize(fields),
            "text/xml" => "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
            _ => string.Concat(fields.Select(field => $"--xyz\r\nContent-Disposition: form-data; name=\"{field.Key}\"\r\n\r\n{field.Value}\r\n"))
                 + "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n\r\nabc\r\n--xyz--\r\n",
        };
        var before = await StoredReport.Count();

        var response = await visitor.Client.PostAsync("/report", new ByteArrayContent(Encoding.UTF8.GetBytes(body))
        {
            Headers = { { "Content-Type", contentType } },
        });

        ((int)response.StatusCode).ShouldBeInRange(400, 499, why);
        (await StoredReport.Count()).ShouldBe(before, "nothing was stored");
    }
}
