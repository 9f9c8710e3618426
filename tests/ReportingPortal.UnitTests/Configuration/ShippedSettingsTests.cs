using System.Text.Json;
using Microsoft.Extensions.Configuration;
using ReportingPortal.Core.Acknowledgements;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.FollowUp;
using ReportingPortal.Core.Jobs;
using ReportingPortal.Core.Retention;
using ReportingPortal.Web.Captcha;
using ReportingPortal.Web.RateLimiting;
using ReportingPortal.Web.Security;
using ReportingPortal.Web.Shared;

namespace ReportingPortal.UnitTests.Configuration;

/// <summary>The settings appsettings.json ships are the code's own defaults, so a setting left out means the same.</summary>
public sealed class ShippedSettingsTests
{
    private static readonly IConfiguration Shipped = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
        .Build();

    // Forwarding, Signposting and Screening (on, with the example's screening queue) ship an example, not defaults; the
    // connection string and secrets ship empty.
    private static IEnumerable<TestCaseData> Sections() =>
    [
        Section<RateLimitOptions>(RateLimitOptions.Section),
        Section<CaptchaOptions>(CaptchaOptions.Section),
        Section<SmtpOptions>(SmtpOptions.Section),
        Section<AcknowledgementOptions>(AcknowledgementOptions.Section),
        Section<DeliveryOptions>(DeliveryOptions.Section),
        Section<JobsOptions>(JobsOptions.Section),
        Section<ReceiptOptions>(ReceiptOptions.Section),
        Section<SignalsOptions>(SignalsOptions.Section),
        Section<QuickExitOptions>(QuickExitOptions.Section),
        Section<FollowUpOptions>(FollowUpOptions.Section),
        Section<ForwardedHeadersSettings>(ForwardedHeadersSettings.Section),
        Section<RetentionOptions>(RetentionOptions.Section),
    ];

    [TestCaseSource(nameof(Sections))]
    public void EachShippedSettingIsTheCodesDefault(string section, Type options, object defaults)
    {
        Shipped.GetSection(section).Exists().ShouldBeTrue($"appsettings.json has a {section} section");
        var shipped = Shipped.GetSection(section).Get(options, binder => binder.ErrorOnUnknownConfiguration = true)!;

        Comparable(shipped, options).ShouldBe(Comparable(defaults, options));
    }

    private static TestCaseData Section<TOptions>(string section) where TOptions : new() =>
        new TestCaseData(section, typeof(TOptions), new TOptions()).SetArgDisplayNames(section);

    // An empty string in the file and an unset (null) one in the code both mean "not configured".
    private static string Comparable(object options, Type type) =>
        JsonSerializer.Serialize(options, type, new JsonSerializerOptions { WriteIndented = true }).Replace("null", "\"\"");
}
