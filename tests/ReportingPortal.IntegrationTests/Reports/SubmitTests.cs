using System.Net;
using AngleSharp.Dom;
using Dapper;

namespace ReportingPortal.IntegrationTests.Reports;

public sealed class SubmitTests
{
    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal() => _portal = await Portal.Shared();

    [Test]
    public async Task SubmittingAnAnonymousReportStoresItExactlyAsEntered()
    {
        using var visitor = _portal.NewSession();
        var answers = ReportAnswers.Anonymous()
            .With("Urls", "https://social.example/profile/stranger123\r\n\r\n  http://video.example/watch?v=42&t=1  ");

        var receipt = await visitor.SubmitReport(answers);

        var stored = await StoredReport.Load(receipt.Reference);
        stored.reporter_role.ShouldBe("ParentOrCaregiver");
        stored.category.ShouldBe("Grooming");
        stored.description.ShouldBe(answers["Form.Description"]);
        stored.urls.ShouldBe(["https://social.example/profile/stranger123", "http://video.example/watch?v=42&t=1"]);
        stored.platform.ShouldBe("Example Social");
        stored.usernames.ShouldBe("stranger123");
        stored.country.ShouldBe("FR");
        stored.region.ShouldBe("Lyon");
        stored.occurred.ShouldBe("ThisWeek");
        stored.child_age_range.ShouldBe("From10To12");
        stored.child_in_danger.ShouldBe("No");
        stored.contact_preference.ShouldBe("Anonymous");
        stored.contact_name.ShouldBeNull();
        stored.contact_email.ShouldBeNull();
        stored.language.ShouldBe("en");
        stored.received_at.ShouldBe(DateTime.UtcNow, TimeSpan.FromMinutes(1));
    }

    [Test]
    public async Task AnAnonymousReportKeepsNoContactDetailsEvenIfSomeWereTyped()
    {
        using var visitor = _portal.NewSession();
        var answers = ReportAnswers.Anonymous()
            .With("ContactName", "Typed Then Changed Mind")
            .With("ContactEmail", "changed-mind@example.org");

        var receipt = await visitor.SubmitReport(answers);

        var stored = await StoredReport.Load(receipt.Reference);
        stored.contact_name.ShouldBeNull();
        stored.contact_email.ShouldBeNull();
    }

    [Test]
    public async Task SubmittingAnIdentifiedReportStoresTheContactDetails()
    {
        using var visitor = _portal.NewSession();
        var answers = ReportAnswers.Identified("worried.parent@example.org")
            .With("ReporterRole", "ChildAboutThemselves")
            .With("Category", "Sextortion")
            .With("ChildInDanger", "Yes")
            .With("Description", "Quelqu'un menace de publier mes photos. يهددني شخص ما بنشر صوري.");

        var receipt = await visitor.SubmitReport(answers);

        var stored = await StoredReport.Load(receipt.Reference);
        stored.reporter_role.ShouldBe("ChildAboutThemselves");
        stored.category.ShouldBe("Sextortion");
        stored.child_in_danger.ShouldBe("Yes");
        stored.description.ShouldBe("Quelqu'un menace de publier mes photos. يهددني شخص ما بنشر صوري.");
        stored.contact_preference.ShouldBe("Email");
        stored.contact_name.ShouldBe("Sam Parent");
        stored.contact_email.ShouldBe("worried.parent@example.org");
    }

    [Test]
    public async Task AReportNeedsOnlyTheRequiredAnswers()
    {
        using var visitor = _portal.NewSession();
        var answers = ReportAnswers.Anonymous()
            .Without("Urls").Without("Platform").Without("Usernames").Without("Country").Without("Region");

        var receipt = await visitor.SubmitReport(answers);

        var stored = await StoredReport.Load(receipt.Reference);
        stored.urls.ShouldBeEmpty();
        stored.platform.ShouldBeNull();
        stored.country.ShouldBeNull();
    }

    private static readonly object[] InvalidAnswers =
    [
        new object[] { "nothing chosen for who is reporting", ReportAnswers.Anonymous().Without("ReporterRole"), "Form_ReporterRole_ChildAboutThemselves", "Please tell us who you are." },
        new object[] { "no category", ReportAnswers.Anonymous().Without("Category"), "Form_Category_Grooming", "Please choose what happened." },
        new object[] { "an invented category", ReportAnswers.Anonymous().With("Category", "Everything"), "Form_Category_Grooming", "Please choose one of the answers shown." },
        new object[] { "two categories at once", ReportAnswers.Anonymous().With("Category", "Grooming,Other"), "Form_Category_Grooming", "Please choose one of the answers shown." },
        new object[] { "a category given by its number", ReportAnswers.Anonymous().With("Category", "5"), "Form_Category_Grooming", "Please choose one of the answers shown." },
        new object[] { "two answers about danger at once", ReportAnswers.Anonymous().With("ChildInDanger", "No, Yes"), "Form_ChildInDanger_Yes", "Please choose one of the answers shown." },
        new object[] { "an empty description", ReportAnswers.Anonymous().With("Description", "   "), "Form_Description", "Please tell us what happened, in your own words." },
        new object[] { "a description that is too long", ReportAnswers.Anonymous().With("Description", new string('a', 10_001)), "Form_Description", "Please keep this to 10000 characters or fewer." },
        new object[] { "a link that is not http(s)", ReportAnswers.Anonymous().With("Urls", "javascript:alert(1)"), "Form_Urls", "Each link must be a full web address starting with http:// or https://, one per line." },
        new object[] { "a link without a scheme", ReportAnswers.Anonymous().With("Urls", "social.example/profile"), "Form_Urls", "Each link must be a full web address starting with http:// or https://, one per line." },
        new object[] { "too many links", ReportAnswers.Anonymous().With("Urls", string.Join('\n', Enumerable.Range(1, 21).Select(i => $"https://example.org/{i}"))), "Form_Urls", "Please give at most 20 links." },
        new object[] { "a platform name that is too long", ReportAnswers.Anonymous().With("Platform", new string('p', 201)), "Form_Platform", "Please keep this to 200 characters or fewer." },
        new object[] { "an unknown country", ReportAnswers.Anonymous().With("Country", "XX"), "Form_Country", "Please choose a country from the list." },
        new object[] { "no answer about danger", ReportAnswers.Anonymous().Without("ChildInDanger"), "Form_ChildInDanger_Yes", "Please tell us if a child is in danger right now." },
        new object[] { "email contact without an address", ReportAnswers.Identified().With("ContactEmail", ""), "Form_ContactEmail", "Please give your email address, or choose to stay anonymous." },
        new object[] { "an email address without a domain", ReportAnswers.Identified("someone@"), "Form_ContactEmail", "Please check your email address. It should look like name@example.org." },
        new object[] { "an email address with a header injected", ReportAnswers.Identified("a@example.org\r\nBcc: b@example.org"), "Form_ContactEmail", "Please check your email address. It should look like name@example.org." },
    ];

    [TestCaseSource(nameof(InvalidAnswers))]
    public async Task InvalidInputShowsAKindMessageAndStoresNothing(string why, Dictionary<string, string> answers, string fieldId, string message)
    {
        using var visitor = _portal.NewSession();
        var before = await StoredReport.Count();

        var response = await visitor.SendReport(answers);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, why);
        var page = await PortalSession.Parse(response);
        var summaryLink = page.QuerySelectorAll(".error-summary a").SingleOrDefault(link => link.GetAttribute("href") == $"#{fieldId}");
        summaryLink.ShouldNotBeNull($"the error summary links to {fieldId} ({why})");
        summaryLink.TextContent.ShouldBe(message);
        page.GetElementById(fieldId).ShouldNotBeNull("the summary's link leads to the field");
        page.QuerySelectorAll(".error-message").Select(error => error.TextContent).ShouldContain(message);
        response.Headers.CacheControl?.NoStore.ShouldBe(true);
        (await StoredReport.Count()).ShouldBe(before, why);
    }

    [Test]
    public async Task AnInvalidFormKeepsWhatWasTyped()
    {
        using var visitor = _portal.NewSession();
        var answers = ReportAnswers.Anonymous().Without("Category").With("Description", "Keep <this> & that");

        var page = await PortalSession.Parse(await visitor.SendReport(answers));

        page.QuerySelector("#Form_Description")!.TextContent.ShouldBe("Keep <this> & that");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[type=hidden][name='Form.ReporterRole']")!.Value.ShouldBe("ParentOrCaregiver");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[type=hidden][name='Form.Urls']")!.Value.ShouldBe("https://social.example/profile/stranger123");
    }

    [Test]
    public async Task SubmittingTheSameFormTwiceStoresOneReportAndShowsTheSameReceipt()
    {
        using var visitor = _portal.NewSession();
        var fields = await visitor.FillReportForm(ReportAnswers.Anonymous("Sent twice by a double click."));

        var first = await visitor.Post("/report", fields);
        var firstReceipt = await visitor.ReadReceipt(first);
        var again = await visitor.Post("/report", fields);
        var secondReceipt = await visitor.ReadReceipt(again);

        secondReceipt.Reference.ShouldBe(firstReceipt.Reference);
        secondReceipt.AccessCode.ShouldBe(firstReceipt.AccessCode);
        (await StoredReport.CountWithDescription("Sent twice by a double click.")).ShouldBe(1);
    }

    [Test]
    public async Task SubmittingTheSameFormManyTimesAtOnceStoresOneReport()
    {
        using var visitor = _portal.NewSession();
        var fields = await visitor.FillReportForm(ReportAnswers.Anonymous("Sent eight times at once."));

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => visitor.Post("/report", fields)));

        responses.ShouldAllBe(response => response.StatusCode == HttpStatusCode.SeeOther);
        (await StoredReport.CountWithDescription("Sent eight times at once.")).ShouldBe(1);
    }

    [Test]
    public async Task TwoDifferentFormsMakeTwoReports()
    {
        using var visitor = _portal.NewSession();
        var first = await visitor.SubmitReport(ReportAnswers.Anonymous("Two separate reports."));
        var second = await visitor.SubmitReport(ReportAnswers.Anonymous("Two separate reports."));

        second.Reference.ShouldNotBe(first.Reference);
        second.AccessCode.ShouldNotBe(first.AccessCode);
        (await StoredReport.CountWithDescription("Two separate reports.")).ShouldBe(2);
    }

    [Test]
    public async Task AFormWithoutTheAntiforgeryTokenIsRefusedKindly()
    {
        using var visitor = _portal.NewSession();
        var fields = await visitor.FillReportForm(ReportAnswers.Anonymous("Posted without a token."));
        fields.Remove("__RequestVerificationToken");

        var response = await visitor.Post("/report", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("nothing was sent");
        (await StoredReport.CountWithDescription("Posted without a token.")).ShouldBe(0);
    }
}
