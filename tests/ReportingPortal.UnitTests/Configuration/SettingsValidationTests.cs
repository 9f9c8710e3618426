using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReportingPortal.Core.Accounts;
using ReportingPortal.Core.Acknowledgements;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Encryption;
using ReportingPortal.Core.Forwarding;
using ReportingPortal.Core.Jobs;
using ReportingPortal.Core.Linking;
using ReportingPortal.Core.Screening;
using ReportingPortal.Core.Signposting;
using ReportingPortal.Web.Captcha;
using ReportingPortal.Web.RateLimiting;
using ReportingPortal.Web.Security;
using ReportingPortal.Web.Shared;

namespace ReportingPortal.UnitTests.Configuration;

/// <summary>
/// Each setting the portal refuses at start-up, checked as the host checks it (the start-up validator that runs every
/// ValidateOnStart check), so a bad setting stops the portal with the key's name before it serves anyone.
/// </summary>
public sealed class SettingsValidationTests
{
    [Test]
    public void TheShippedSettingsWithTheirSecretsAreAccepted()
    {
        using var services = PortalSettings.WebSite();

        Should.NotThrow(() => services.GetRequiredService<IStartupValidator>().Validate());
    }

    [TestCase("ConnectionStrings:Portal", "", "ConnectionStrings:Portal is required")]
    [TestCase(ReceiptOptions.Section + ":SecretKey", "", "Receipts:SecretKey is required")]
    [TestCase(ReceiptOptions.Section + ":SecretKey", "c2hvcnQ=", "Receipts:SecretKey must be base64 for at least 32 random bytes")]
    [TestCase(ReceiptOptions.Section + ":SecretKey", "not base64!", "Receipts:SecretKey must be base64 for at least 32 random bytes")]
    [TestCase(EncryptionOptions.Section + ":Keys:k1", "c2hvcnQ=", "Encryption:Keys:k1 must be base64 for at least 32 random bytes")]
    [TestCase(EncryptionOptions.Section + ":CurrentKeyId", "k2", "Encryption:CurrentKeyId must name one of Encryption:Keys (k1)")]
    [TestCase(EncryptionOptions.Section + ":Keys:not-an-id", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "a key id is 1 to 32 letters, digits or underscores")]
    [TestCase(SignalsOptions.Section + ":MinimumFillTime", "-00:00:01", "Signals:MinimumFillTime must not be negative")]
    [TestCase(SignpostingOptions.Section + ":EmergencyNumber", "", "Signposting:EmergencyNumber is required")]
    [TestCase(SignpostingOptions.Section + ":Countries:XX:EmergencyNumber", "112", "Signposting:Countries must be keyed by ISO 3166")]
    [TestCase(SmtpOptions.Section + ":Host", "", "Smtp:Host is required")]
    [TestCase(SmtpOptions.Section + ":Port", "0", "Smtp:Port must be between 1 and 65535")]
    [TestCase(SmtpOptions.Section + ":Port", "65536", "Smtp:Port must be between 1 and 65535")]
    [TestCase(SmtpOptions.Section + ":From", "", "Smtp:From is required")]
    [TestCase(SmtpOptions.Section + ":From", "no address here", "Smtp:From must be an email address")]
    [TestCase(SmtpOptions.Section + ":MaxConnections", "0", "'MaxConnections' with the error")]
    [TestCase(SmtpOptions.Section + ":TimeoutSeconds", "301", "'TimeoutSeconds' with the error")]
    [TestCase(AcknowledgementOptions.Section + ":SenderName", "", "Acknowledgements:SenderName is required")]
    [TestCase(AcknowledgementOptions.Section + ":SenderName", "Child abuse reports <reports@portal.example>", "must be plain names")]
    [TestCase(AcknowledgementOptions.Section + ":PlainSenderName", "Reports\r\nBcc: someone@example.org", "must be plain names")]
    [TestCase(DeliveryOptions.Section + ":FirstRetryAfter", "00:00:00", "Delivery:FirstRetryAfter must be positive")]
    [TestCase(DeliveryOptions.Section + ":FirstRetryAfter", "00:20:00", "no more than Delivery:MaxRetryAfter")]
    [TestCase(DeliveryOptions.Section + ":PollInterval", "00:00:00", "Delivery:PollInterval and Delivery:ClaimLease must be positive")]
    [TestCase(DeliveryOptions.Section + ":ClaimLease", "-00:01:00", "Delivery:PollInterval and Delivery:ClaimLease must be positive")]
    [TestCase(DeliveryOptions.Section + ":BatchSize", "0", "'BatchSize' with the error")]
    [TestCase(DeliveryOptions.Section + ":EmailsPerJob", "1001", "'EmailsPerJob' with the error")]
    [TestCase(JobsOptions.Section + ":WorkerCount", "0", "'WorkerCount' with the error")]
    [TestCase(ForwardingOptions.Section + ":DefaultQueue", "", "DefaultQueue is required")]
    [TestCase(ForwardingOptions.Section + ":DefaultQueue", "nowhere", "DefaultQueue 'nowhere' is not one of")]
    [TestCase(ForwardingOptions.Section + ":Rules:0:Queue", "nowhere", "Rules:0:Queue 'nowhere' is not one of")]
    [TestCase(ForwardingOptions.Section + ":Queues:0:Addresses:0", "on-call at responders", "invalid email address 'on-call at responders'")]
    [TestCase(ForwardingOptions.Section + ":Queues:1:Name", "urgent-on-call", "two queues named 'urgent-on-call'")]
    [TestCase(ForwardingOptions.Section + ":Queues:1:EncryptionRequired", "true", "Forwarding:Queues:1:EncryptionRequired is true for queue 'police-cyber', but it has no OpenPgpPublicKey")]
    [TestCase(ForwardingOptions.Section + ":Queues:2:OpenPgpPublicKey", "not a key", "Forwarding:Queues:2:OpenPgpPublicKey of queue 'hotline' is not an OpenPGP public key")]
    [TestCase(ForwardingOptions.Section + ":Queues:2:SmimeCertificateFile", "/no/such/certificate.pem", "Forwarding:Queues:2:SmimeCertificateFile of queue 'hotline': the file '/no/such/certificate.pem' cannot be read")]
    [TestCase(CaptchaOptions.Section + ":Provider", "none", "Captcha:Provider none is for development only")]
    [TestCase(CaptchaOptions.Section + ":Altcha:HmacKey", "", "Captcha:Altcha:HmacKey must be base64 for at least 32 random bytes")]
    [TestCase(CaptchaOptions.Section + ":Altcha:MaxNumber", "0", "Captcha:Altcha:MaxNumber must be between 1 and 10000000")]
    [TestCase(CaptchaOptions.Section + ":Altcha:Expires", "00:00:00", "Captcha:Altcha:Expires positive")]
    [TestCase(CaptchaOptions.Section + ":Altcha:MaxNumberCeiling", "99999", "Captcha:Altcha:MaxNumberCeiling must be between Captcha:Altcha:MaxNumber and 10000000")]
    [TestCase(CaptchaOptions.Section + ":Altcha:MaxNumberCeiling", "10000001", "Captcha:Altcha:MaxNumberCeiling must be between Captcha:Altcha:MaxNumber and 10000000")]
    [TestCase(CaptchaOptions.Section + ":Altcha:UsualReportsPerMinute", "0", "Captcha:Altcha:UsualReportsPerMinute at least 1")]
    [TestCase(CaptchaOptions.Section + ":Provider", "recaptcha", "Captcha:<Provider>:SiteKey and Captcha:<Provider>:SecretKey are required")]
    [TestCase(CaptchaOptions.Section + ":Recaptcha:ScoreThreshold", "1.5", "Captcha:Recaptcha:ScoreThreshold must be between 0.0 and 1.0")]
    [TestCase(RateLimitOptions.Section + ":Reports:PermitLimit", "0", "RateLimits:<kind>:PermitLimit and RateLimits:<kind>:Window must be positive")]
    [TestCase(RateLimitOptions.Section + ":Guesses:Window", "00:00:00", "RateLimits:<kind>:PermitLimit and RateLimits:<kind>:Window must be positive")]
    [TestCase(RateLimitOptions.Section + ":IPv6PrefixLength", "31", "RateLimits:IPv6PrefixLength must be between 32 and 128")]
    [TestCase(RateLimitOptions.Section + ":IPv6PrefixLength", "129", "RateLimits:IPv6PrefixLength must be between 32 and 128")]
    [TestCase(ForwardedHeadersSettings.Section + ":KnownProxies:0", "proxy.internal", "ForwardedHeaders:KnownProxies must be IP addresses")]
    [TestCase(ForwardedHeadersSettings.Section + ":KnownNetworks:0", "10.0.0.0", "ForwardedHeaders:KnownNetworks CIDR networks")]
    [TestCase(QuickExitOptions.Section + ":Url", "weather", "QuickExit:Url must be an absolute http(s) address")]
    [TestCase(ConsoleSessionsOptions.Section + ":IdleTimeout", "00:00:00", "Console:IdleTimeout must be positive and no more than Console:Lifetime")]
    [TestCase(ConsoleSessionsOptions.Section + ":IdleTimeout", "09:00:00", "Console:IdleTimeout must be positive and no more than Console:Lifetime")]
    [TestCase(LinkingOptions.Section + ":Window", "00:00:00", "Linking:Window must be more than zero")]
    [TestCase(LinkingOptions.Section + ":Window", "400.00:00:00", "Linking:Window must be more than zero and at most 366 days")]
    [TestCase(LinkingOptions.Section + ":FingerprintKey", "c2hvcnQ=", "Linking:FingerprintKey must be base64 for at least 32 random bytes")]
    [TestCase(ScreeningOptions.Section + ":Queue", "", "Screening:Queue is required when Screening:Enabled is true")]
    [TestCase(ScreeningOptions.Section + ":DigestInterval", "00:00:01", "Screening:DigestInterval must be at least 00:00:05")]
    [TestCase(ScreeningOptions.Section + ":ReportsPerClientKey", "0", "Screening:ReportsPerClientKey must be at least 1")]
    [TestCase(ScreeningOptions.Section + ":ClientKeyWindow", "00:00:00", "Screening:ClientKeyWindow must be positive")]
    public void ABadSettingStopsThePortalAtStartUpNamingItsKey(string key, string value, string message)
    {
        using var services = PortalSettings.WebSite(new Dictionary<string, string?> { [key] = value });

        var refused = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        refused.Message.ShouldContain(message);
    }

    [TestCase(null, true)]
    [TestCase("false", false)]
    [TestCase("True", true)]
    public void ForwardsCarryTheJsonAttachmentUnlessItIsSwitchedOff(string? value, bool attached)
    {
        using var services = PortalSettings.WebSite(value is null ? null : new Dictionary<string, string?> { [ForwardingOptions.Section + ":JsonAttachment"] = value });

        services.GetRequiredService<IStartupValidator>().Validate();

        services.GetRequiredService<IOptions<ForwardingOptions>>().Value.JsonAttachment.ShouldBe(attached);
    }

    [Test]
    public void AJsonAttachmentSettingThatIsNeitherTrueNorFalseStopsThePortalNamingItsKey()
    {
        using var services = PortalSettings.WebSite(new Dictionary<string, string?> { [ForwardingOptions.Section + ":JsonAttachment"] = "sometimes" });

        var refused = Should.Throw<InvalidOperationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        refused.Message.ShouldContain("Forwarding:JsonAttachment");
    }

    [TestCase("nowhere", "Screening:Queue 'nowhere' is not one of Forwarding:Queues")]
    [TestCase("hotline", null)]
    public void TheScreeningQueueMustBeAForwardingQueue(string queue, string? message)
    {
        using var services = PortalSettings.WebSite(new Dictionary<string, string?>
        {
            [ScreeningOptions.Section + ":Enabled"] = "true",
            [ScreeningOptions.Section + ":Queue"] = queue,
        });

        if (message is null)
            Should.NotThrow(() => services.GetRequiredService<IStartupValidator>().Validate());
        else
            Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate()).Message.ShouldContain(message);
    }

    [Test]
    public void AThirdPartyCaptchaWithItsKeysAndAddressesIsAccepted()
    {
        using var services = PortalSettings.WebSite(new Dictionary<string, string?>
        {
            [CaptchaOptions.Section + ":Provider"] = "turnstile",
            [CaptchaOptions.Section + ":Turnstile:SiteKey"] = "site-key",
            [CaptchaOptions.Section + ":Turnstile:SecretKey"] = "secret-key",
        });

        Should.NotThrow(() => services.GetRequiredService<IStartupValidator>().Validate());
    }

    [Test]
    public void AThirdPartyCaptchaWhoseVerifyAddressIsNotAWebAddressIsRefused()
    {
        using var services = PortalSettings.WebSite(new Dictionary<string, string?>
        {
            [CaptchaOptions.Section + ":Provider"] = "turnstile",
            [CaptchaOptions.Section + ":Turnstile:SiteKey"] = "site-key",
            [CaptchaOptions.Section + ":Turnstile:SecretKey"] = "secret-key",
            [CaptchaOptions.Section + ":Turnstile:VerifyUrl"] = "file:///etc/passwd",
        });

        Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate())
            .Message.ShouldContain("Captcha:<Provider>:VerifyUrl and Captcha:<Provider>:ScriptUrl must be http(s) addresses");
    }

    [Test]
    public void NoCaptchaIsAcceptedOutsideProduction()
    {
        var none = new Dictionary<string, string?> { [CaptchaOptions.Section + ":Provider"] = "none" };
        using var development = PortalSettings.WebSite(none, environment: "Development");
        using var staging = PortalSettings.WebSite(none, environment: "Staging");

        Should.NotThrow(() => development.GetRequiredService<IStartupValidator>().Validate());
        Should.NotThrow(() => staging.GetRequiredService<IStartupValidator>().Validate());
    }

    /// <summary>The refusals above come from the settings given, not from a configuration that was never read.</summary>
    [Test]
    public void TheSettingsAreReadFromConfigurationNotFromTheDefaultsInCode()
    {
        using var services = PortalSettings.WebSite(new Dictionary<string, string?> { [SmtpOptions.Section + ":Port"] = "2525" });

        services.GetRequiredService<IOptions<SmtpOptions>>().Value.Port.ShouldBe(2525);
        services.GetRequiredService<IOptions<ForwardingOptions>>().Value.Queues.ShouldNotBeEmpty();
    }

    [Test]
    public void TheLinkingWindowIsReadFromConfiguration()
    {
        using var services = PortalSettings.WebSite(new Dictionary<string, string?> { [LinkingOptions.Section + ":Window"] = "7.00:00:00" });

        services.GetRequiredService<IOptions<LinkingOptions>>().Value.Window.ShouldBe(TimeSpan.FromDays(7));
    }
}
