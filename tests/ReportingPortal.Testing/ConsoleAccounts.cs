using System.Net;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Dom;
using Dapper;
using OtpNet;
using ReportingPortal.Core.Accounts;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Testing;

/// <summary>
/// Console accounts for tests: the account and a one-time link (with a token the test knows) are written straight
/// into the portal's database, as an invitation would; enrolment goes through the real /console/enrol page, reading
/// the key from the page and computing the codes with Otp.NET, as a person with an authenticator app would. The portal
/// takes each TOTP step once per account and one step either side of now, so an account signs in about twice in
/// 30 seconds before <see cref="NextCode"/> has to wait for the next step; tests that sign in more often use more
/// accounts or the recovery codes.
/// </summary>
public static class ConsoleAccounts
{
    public const int StepSeconds = 30;

    /// <summary>Creates and enrols an account in <paramref name="queues"/>; an administrator when <paramref name="administrator"/>.</summary>
    public static async Task<TestAccount> Create(Portal portal, bool administrator = false, params (string Queue, QueueRole Role)[] queues)
    {
        var email = $"responder-{Guid.NewGuid():N}@example.org";
        var name = administrator ? "Test administrator" : "Test responder";
        var token = await Invite(portal.ConnectionString, email, name, administrator, queues);
        using var session = portal.NewSession();
        try
        {
            return await Enrol(portal, session, token, email, name, $"Test password {Guid.NewGuid():N}");
        }
        catch (ShouldAssertException failure)
        {
            // The portal's last log lines say why enrolment did not go as a person's would.
            throw new InvalidOperationException(failure.Message + "\n" + string.Join('\n', portal.Output.Split('\n').TakeLast(60)), failure);
        }
    }

    /// <summary>Creates and enrols an account as <see cref="Create"/> does, and a session of its signed in to the console.</summary>
    public static async Task<(TestAccount Account, PortalSession Session)> SignedIn(Portal portal, bool administrator = false,
        params (string Queue, QueueRole Role)[] queues)
    {
        var account = await Create(portal, administrator, queues);
        var session = portal.NewSession();
        (await session.SignInToConsole(account)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (account, session);
    }

    /// <summary>Writes the account and an enrolment link, as an invitation does; returns the link's token.</summary>
    public static async Task<string> Invite(string connectionString, string email, string name, bool administrator,
        IEnumerable<(string Queue, QueueRole Role)> queues, TimeSpan? expiresIn = null)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        await using var connection = await TestDatabase.OpenDatabase(connectionString);
        var id = await connection.ExecuteScalarAsync<long>(
            "insert into accounts (email, display_name, is_administrator) values (@Email, @Name, @Administrator) returning id",
            new { Email = email, Name = name, Administrator = administrator });
        foreach (var (queue, role) in queues)
            await connection.ExecuteAsync("insert into account_queues (account_id, queue, role) values (@Id, @Queue, @Role)",
                new { Id = id, Queue = queue, Role = role.Stored() });
        await connection.ExecuteAsync(
            "insert into enrolment_links (token_hash, account_id, expires_at) values (@TokenHash, @Id, now() + @ExpiresIn)",
            new { TokenHash = SHA256.HashData(Encoding.UTF8.GetBytes(token)), Id = id, ExpiresIn = expiresIn ?? TimeSpan.FromHours(72) });
        return token;
    }

    /// <summary>Enrols through the link's page and returns the account, with the recovery codes the page showed once.</summary>
    public static async Task<TestAccount> Enrol(Portal portal, PortalSession session, string token, string email, string name, string password)
    {
        var (response, page, key) = await EnrolWith(session, token, password, CodeNow);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, page.QuerySelector("#problem")?.TextContent);
        var codes = page.QuerySelectorAll("#recovery-codes li").Select(item => item.TextContent.Trim()).ToList();
        codes.Count.ShouldBe(10);
        await using var connection = await TestDatabase.OpenDatabase(portal.ConnectionString);
        var (id, lastStep) = await connection.QuerySingleAsync<(long, long)>(
            "select id, totp_last_step from accounts where email = @Email", new { Email = email });
        return new TestAccount(id, email, name, password, key, codes) { LastStep = lastStep };
    }

    /// <summary>Opens the link's page and sends its form with <paramref name="password"/> twice and a code of the key it shows.</summary>
    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page, string Key)> EnrolWith(
        PortalSession session, string token, string password, Func<string, string> code, string? passwordAgain = null)
    {
        var (opened, form) = await session.GetPage("/console/enrol?token=" + Uri.EscapeDataString(token));
        opened.StatusCode.ShouldBe(HttpStatusCode.OK);
        var key = form.QuerySelector("#text-key").ShouldNotBeNull("the enrolment page shows the key as text").TextContent.Trim();
        var fields = PortalSession.HiddenFields(form);
        fields["Password"] = password;
        fields["PasswordAgain"] = passwordAgain ?? password;
        fields["Code"] = code(key);
        var response = await session.Post("/console/enrol", fields);
        return (response, await PortalSession.Parse(response), key);
    }

    /// <summary>The code an authenticator app shows now, for a step the portal has not seen yet: the step before the current one.</summary>
    public static string CodeNow(string key) => CodeFor(key, SafeStep() - 1);

    public static string CodeFor(string key, long step) =>
        new Totp(Base32Encoding.ToBytes(key), StepSeconds).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * StepSeconds).UtcDateTime);

    public static long StepNow() => DateTimeOffset.UtcNow.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>
    /// A code for the account that it has not used: the next step after its last, within the one step either side of
    /// now that the portal accepts; when every such step is used, waits for the next one.
    /// </summary>
    public static async Task<string> NextCode(TestAccount account)
    {
        while (true)
        {
            var now = SafeStep();
            var step = Math.Max(account.LastStep + 1, now - 1);
            if (step <= now + 1)
            {
                account.LastStep = step;
                return CodeFor(account.TotpKey, step);
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>The current step, waiting out the last two seconds of one so a code is not checked in the step after next.</summary>
    private static long SafeStep()
    {
        var seconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        if (seconds % StepSeconds >= StepSeconds - 2)
            Thread.Sleep(TimeSpan.FromSeconds(StepSeconds - seconds % StepSeconds));
        return StepNow();
    }
}
