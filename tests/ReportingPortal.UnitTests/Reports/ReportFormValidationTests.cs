using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using ReportingPortal.UnitTests.Configuration;

namespace ReportingPortal.UnitTests.Reports;

/// <summary>The report form's rules, checked step by step as the form page checks them, with the words a reporter reads.</summary>
[SetUICulture("en")]
public sealed class ReportFormValidationTests
{
    private ServiceProvider _services = null!;
    private IValidator<ReportForm> _validator = null!;

    [OneTimeSetUp]
    public void ComposeTheValidator()
    {
        _services = PortalSettings.WebSite();
        _validator = _services.GetRequiredService<IValidator<ReportForm>>();
    }

    [OneTimeTearDown]
    public void DisposeServices() => _services.Dispose();

    private static ReportForm Complete() => new()
    {
        ReporterRole = ReporterRole.ParentOrCaregiver,
        Category = ReportCategory.Grooming,
        Description = "An adult keeps messaging my daughter and asks her to keep it a secret.",
        Urls = "https://social.example/profile/stranger123\nhttp://chat.example/room/7",
        Platform = "Example Social",
        Usernames = "stranger123",
        Country = "FR",
        Region = "Lyon",
        When = WhenItHappened.ThisWeek,
        ChildAge = ChildAgeRange.From10To12,
        ChildInDanger = ChildInDanger.No,
        Contact = ContactPreference.Anonymous,
    };

    /// <summary>The errors of every step, by field, as the page gets them.</summary>
    private Dictionary<string, string> Errors(ReportForm form, params string[] steps) =>
        _validator.Validate(form, options => options.IncludeRuleSets(steps.Length == 0 ? ReportSteps.All : steps)).Errors
            .GroupBy(failure => failure.PropertyName)
            .ToDictionary(field => field.Key, field => field.First().ErrorMessage);

    [Test]
    public void ACompleteAnonymousReportPassesEveryStep() => Errors(Complete()).ShouldBeEmpty();

    [Test]
    public void AnIdentifiedReportWithAnEmailAddressPassesEveryStep()
    {
        var form = Complete();
        form.Contact = ContactPreference.Email;
        form.ContactName = "Sam";
        form.ContactEmail = "sam.parent+reports@family.example.org";

        Errors(form).ShouldBeEmpty();
    }

    [TestCase(nameof(ReportForm.ReporterRole), "Please tell us who you are.")]
    [TestCase(nameof(ReportForm.Category), "Please choose what happened.")]
    [TestCase(nameof(ReportForm.Description), "Please tell us what happened, in your own words.")]
    [TestCase(nameof(ReportForm.When), "Please tell us when it happened. \"I am not sure\" is fine.")]
    [TestCase(nameof(ReportForm.ChildAge), "Please tell us roughly how old the child is. \"I am not sure\" is fine.")]
    [TestCase(nameof(ReportForm.ChildInDanger), "Please tell us if a child is in danger right now.")]
    [TestCase(nameof(ReportForm.Contact), "Please choose whether we can contact you.")]
    public void EachRequiredAnswerIsAskedForKindlyOnItsOwnStep(string field, string message)
    {
        var form = Complete();
        typeof(ReportForm).GetProperty(field)!.SetValue(form, null);
        var step = ReportSteps.StepOf(field);

        Errors(form, step).ShouldBe(new Dictionary<string, string> { [field] = message });
        Errors(form, ReportSteps.All.Where(other => other != step).ToArray()).ShouldBeEmpty();
    }

    [TestCase(nameof(ReportForm.Urls))]
    [TestCase(nameof(ReportForm.Platform))]
    [TestCase(nameof(ReportForm.Usernames))]
    [TestCase(nameof(ReportForm.Country))]
    [TestCase(nameof(ReportForm.Region))]
    [TestCase(nameof(ReportForm.ContactName))]
    [TestCase(nameof(ReportForm.ContactEmail))]
    public void WhatIsOptionalMayBeLeftOut(string field)
    {
        var form = Complete();
        typeof(ReportForm).GetProperty(field)!.SetValue(form, null);

        Errors(form).ShouldBeEmpty();
    }

    [TestCase(nameof(ReportForm.Description), ReportForm.MaxDescriptionLength)]
    [TestCase(nameof(ReportForm.Platform), ReportForm.MaxShortTextLength)]
    [TestCase(nameof(ReportForm.Usernames), ReportForm.MaxUsernamesLength)]
    [TestCase(nameof(ReportForm.Region), ReportForm.MaxShortTextLength)]
    public void TextLongerThanItsLimitIsRefusedWithTheLimit(string field, int limit)
    {
        var form = Complete();
        var property = typeof(ReportForm).GetProperty(field)!;
        property.SetValue(form, new string('a', limit));
        Errors(form).ShouldBeEmpty();

        property.SetValue(form, new string('a', limit + 1));
        Errors(form).ShouldBe(new Dictionary<string, string> { [field] = $"Please keep this to {limit} characters or fewer." });
    }

    [Test]
    public void AtMostTwentyLinksAreTaken()
    {
        var form = Complete();
        form.Urls = string.Join('\n', Enumerable.Range(1, ReportForm.MaxUrls).Select(n => $"https://social.example/{n}"));
        Errors(form).ShouldBeEmpty();

        form.Urls += "\nhttps://social.example/one-more";
        Errors(form).ShouldBe(new Dictionary<string, string> { [nameof(ReportForm.Urls)] = "Please give at most 20 links." });
    }

    [TestCase("a word", "stranger123 on the app")]
    [TestCase("an address without its scheme", "social.example/profile/stranger123")]
    [TestCase("a script", "javascript:alert(1)")]
    [TestCase("a file", "file:///home/me/picture.jpg")]
    [TestCase("another scheme", "ftp://files.example/x")]
    [TestCase("no host", "https://")]
    public void EachLinkMustBeAWebAddress(string why, string link)
    {
        var form = Complete();
        form.Urls = $"https://social.example/fine\n{link}";

        Errors(form).ShouldBe(new Dictionary<string, string>
        {
            [nameof(ReportForm.Urls)] = "Each link must be a full web address starting with http:// or https://, one per line.",
        }, why);
    }

    [Test]
    public void ALinkLongerThanItsLimitIsRefused()
    {
        var form = Complete();
        form.Urls = "https://social.example/" + new string('a', ReportForm.MaxUrlLength);

        Errors(form).Keys.ShouldBe([nameof(ReportForm.Urls)]);
    }

    [TestCase("ZZ")]
    [TestCase("France")]
    public void ACountryMustBeOneFromTheList(string country)
    {
        var form = Complete();
        form.Country = country;

        Errors(form).ShouldBe(new Dictionary<string, string> { [nameof(ReportForm.Country)] = "Please choose a country from the list." });
    }

    [Test]
    public void ContactByEmailNeedsAnAddress()
    {
        var form = Complete();
        form.Contact = ContactPreference.Email;

        Errors(form).ShouldBe(new Dictionary<string, string>
        {
            [nameof(ReportForm.ContactEmail)] = "Please give your email address, or choose to stay anonymous.",
        });
    }

    [TestCase("no at sign", "sam.family.example")]
    [TestCase("no domain", "sam@")]
    [TestCase("no name", "@family.example")]
    [TestCase("no dot in the domain", "sam@localhost")]
    [TestCase("a trailing dot", "sam@family.example.")]
    [TestCase("a display name", "Sam <sam@family.example>")]
    [TestCase("two addresses", "sam@family.example, kim@family.example")]
    [TestCase("a space inside", "sam smith@family.example")]
    public void AnEmailAddressMustLookLikeOne(string why, string email)
    {
        var form = Complete();
        form.Contact = ContactPreference.Email;
        form.ContactEmail = email;

        Errors(form).ShouldBe(new Dictionary<string, string>
        {
            [nameof(ReportForm.ContactEmail)] = "Please check your email address. It should look like name@example.org.",
        }, why);
    }

    [Test]
    public void AnEmailAddressLongerThanMailAllowsIsRefused()
    {
        var form = Complete();
        form.Contact = ContactPreference.Email;
        form.ContactEmail = new string('a', ReportForm.MaxEmailLength) + "@family.example";

        Errors(form).Keys.ShouldBe([nameof(ReportForm.ContactEmail)]);
    }

    [Test]
    public void AnAnonymousReporterIsNotAskedForAnAddressOrANameAndWhatWasTypedThereIsNotChecked()
    {
        var form = Complete();
        form.Contact = ContactPreference.Anonymous;
        form.ContactEmail = "not an address";
        form.ContactName = new string('a', ReportForm.MaxShortTextLength + 1);

        Errors(form).ShouldBeEmpty();
    }

    [Test]
    public void AChildGetsTheSimplerWordingWhereThereIsOne()
    {
        var form = Complete();
        form.ReporterRole = ReporterRole.ChildAboutThemselves;
        form.Description = null;
        form.ChildAge = null;
        form.When = null;

        Errors(form).ShouldBe(new Dictionary<string, string>
        {
            [nameof(ReportForm.Description)] = "Please tell us a little about what happened.",
            [nameof(ReportForm.ChildAge)] = "Please pick an age. A guess is fine.",
            [nameof(ReportForm.When)] = "Please tell us when it happened. \"I am not sure\" is fine.",
        }, ignoreOrder: true);
    }

    [Test]
    [SetUICulture("fr")]
    public void TheMessagesAreInTheReportersLanguage()
    {
        var form = Complete();
        form.Country = "ZZ";

        Errors(form)[nameof(ReportForm.Country)].ShouldBe("Veuillez choisir un pays dans la liste.");
    }
}
