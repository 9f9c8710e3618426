using System.Diagnostics;
using System.Net;
using ReportingPortal.Core.Audit;

namespace ReportingPortal.IntegrationTests.Accounts;

/// <summary>The first administrator comes from a command run beside the web site, which prints a one-time link.</summary>
public sealed class AddAdministratorCommandTests
{
    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal() => _portal = await Portal.Shared();

    [Test]
    public async Task AddAdminPrintsALinkThatEnrolsAnAdministrator()
    {
        var email = $"first-admin-{Guid.NewGuid():N}@example.org";

        var (exitCode, output) = await Run("accounts", "add-admin", "--email", email, "--name", "First Administrator");

        exitCode.ShouldBe(0, output);
        var link = output.Split('\n').Select(line => line.Trim()).Last(line => line.Length > 0);
        link.ShouldStartWith(_portal.Address.ToString().TrimEnd('/') + "/console/enrol?token=");
        using var session = _portal.NewSession();
        var token = Uri.UnescapeDataString(new Uri(link).Query["?token=".Length..]);
        var administrator = await ConsoleAccounts.Enrol(_portal, session, token, email, "First Administrator", "a long and uncommon passphrase");
        (await session.SignInToConsole(administrator)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await session.Get("/console/accounts")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AuditRows.Count(_portal, AuditAction.AccountCreated, administrator.Id)).ShouldBe(1);
    }

    [Test]
    public async Task RunTwiceBeforeEnrolmentItGivesAFreshLinkAndTheFirstStopsWorking()
    {
        var email = $"twice-admin-{Guid.NewGuid():N}@example.org";
        var (_, first) = await Run("accounts", "add-admin", "--email", email, "--name", "Twice");

        var (exitCode, second) = await Run("accounts", "add-admin", "--email", email, "--name", "Twice");

        exitCode.ShouldBe(0, second);
        using var session = _portal.NewSession();
        (await session.Get(PathOf(first))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await session.Get(PathOf(second))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [TestCase]
    [TestCase("accounts")]
    [TestCase("accounts", "add-admin", "--email", "admin@example.org")]
    [TestCase("accounts", "add-admin", "--email", "not an email", "--name", "Someone")]
    [TestCase("accounts", "remove-admin", "--email", "admin@example.org", "--name", "Someone")]
    public async Task BadArgumentsPrintUsageAndExitWith2(params string[] arguments)
    {
        if (arguments.Length == 0)
            arguments = ["accounts", "add-admin"];

        var (exitCode, output) = await Run(arguments);

        exitCode.ShouldBe(2);
        output.ShouldContain("usage: dotnet ReportingPortal.Web.dll accounts add-admin --email <email> --name <name>");
    }

    private static string PathOf(string output)
    {
        var link = new Uri(output.Split('\n').Select(line => line.Trim()).Last(line => line.Length > 0));
        return link.PathAndQuery;
    }

    private async Task<(int ExitCode, string Output)> Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.WebProject,
        };
        start.ArgumentList.Add(Repository.WebAssembly);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in _portal.Settings.Where(setting => setting.Key != "ASPNETCORE_URLS"))
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output + await errors);
    }
}
