
namespace ReportingPortal.IntegrationTests;

/// <summary>What the whole run shares: a fresh database and an SMTP server, and a portal started on first use.</summary>
[SetUpFixture]
public sealed class TestRun
{
    public static SmtpServer Smtp => SmtpServer.Shared;

    [OneTimeSetUp]
    public async Task Start()
    {
        TestDatabase.Create();
        await SmtpServer.StartShared();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await Browsers.Stop();
        await Portal.StopShared();
        await SmtpServer.StopShared();
        await TestDatabase.DropShared();
    }
}
