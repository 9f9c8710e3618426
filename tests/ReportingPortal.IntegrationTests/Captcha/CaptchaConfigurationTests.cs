
namespace ReportingPortal.IntegrationTests.Captcha;

public sealed class CaptchaConfigurationTests
{
    [Test]
    public async Task NoCaptchaIsRefusedAtStartUpInProduction()
    {
        var error = await Should.ThrowAsync<InvalidOperationException>(() =>
            Portal.Start(new Dictionary<string, string> { ["Captcha__Provider"] = "none" }));

        error.Message.ShouldContain("Captcha:Provider none is for development only");
    }

    [Test]
    public async Task AThirdPartyCaptchaWithoutItsKeysIsRefusedAtStartUp()
    {
        var error = await Should.ThrowAsync<InvalidOperationException>(() =>
            Portal.Start(new Dictionary<string, string> { ["Captcha__Provider"] = "recaptcha" }));

        error.Message.ShouldContain("SecretKey are required");
    }

    [Test]
    public async Task TheSelfHostedCaptchaNeedsItsKey()
    {
        var error = await Should.ThrowAsync<InvalidOperationException>(() =>
            Portal.Start(new Dictionary<string, string> { ["Captcha__Altcha__HmacKey"] = "" }));

        error.Message.ShouldContain("Captcha:Altcha:HmacKey");
    }

    [Test]
    public async Task ACeilingBelowTheUsualProofOfWorkIsRefusedAtStartUp()
    {
        var error = await Should.ThrowAsync<InvalidOperationException>(() =>
            Portal.Start(new Dictionary<string, string> { ["Captcha__Altcha__MaxNumber"] = "5000", ["Captcha__Altcha__MaxNumberCeiling"] = "4000" }));

        error.Message.ShouldContain("Captcha:Altcha:MaxNumberCeiling must be between Captcha:Altcha:MaxNumber and 10000000");
    }
}
