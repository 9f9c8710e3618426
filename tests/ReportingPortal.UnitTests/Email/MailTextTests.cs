using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using ReportingPortal.Core;
using ReportingPortal.Core.Email;

namespace ReportingPortal.UnitTests.Email;

/// <summary>The emails' wording, looked up once per language, reads as the resource manager's localizer reads it.</summary>
public sealed class MailTextTests
{
    private ServiceProvider _services = null!;
    private IStringLocalizer<SharedResource> _localizer = null!;

    [OneTimeSetUp]
    public void Build()
    {
        _services = new ServiceCollection().AddLogging().AddLocalization(options => options.ResourcesPath = "Resources").BuildServiceProvider();
        _localizer = _services.GetRequiredService<IStringLocalizer<SharedResource>>();
    }

    [OneTimeTearDown]
    public async Task Dispose() => await _services.DisposeAsync();

    [Test]
    public void EachLanguageKeepsItsOwnTextsWhateverWasLookedUpBefore()
    {
        var text = new MailText(_localizer);
        string[] languages = ["en", "fr", "es", "ar", "en", "ar"];

        var read = languages.Select(language => Messages.InLanguage(language, _ => text["Forward.Label.ChildAge"].Value)).ToList();

        read.ShouldBe(languages.Select(language => Messages.InLanguage(language, _ => _localizer["Forward.Label.ChildAge"].Value)));
        read.Take(4).Distinct().Count().ShouldBe(4, "four languages, four wordings");
    }

    [Test]
    public void ATextWithArgumentsIsFormattedAsTheLocalizerFormatsIt()
    {
        var text = new MailText(_localizer);

        foreach (var language in new[] { "en", "fr", "ar" })
        {
            Messages.InLanguage(language, _ => text["Forward.Heading", "RP-7K2M-9QXD", "urgent"].Value)
                .ShouldBe(Messages.InLanguage(language, _ => _localizer["Forward.Heading", "RP-7K2M-9QXD", "urgent"].Value));
        }
    }

    [Test]
    public void AMissingNameReadsAsTheLocalizerReadsIt()
    {
        var text = new MailText(_localizer);

        var missing = Messages.InLanguage("fr", _ => text["Forward.NoSuchText"]);

        missing.ResourceNotFound.ShouldBeTrue();
        missing.Value.ShouldBe(Messages.InLanguage("fr", _ => _localizer["Forward.NoSuchText"].Value));
    }
}
