using Microsoft.Extensions.Options;
using MimeKit;
using ReportingPortal.Core.Accounts;
using ReportingPortal.Core.Cases;

namespace ReportingPortal.Web.Accounts;

/// <summary>
/// <c>accounts add-admin --email &lt;email&gt; --name &lt;name&gt;</c>: creates the first administrator (or, for an
/// email whose account never enrolled, a fresh link) and prints its one-time enrolment link, built from Console:Address.
/// </summary>
public sealed record AddAdministratorCommand(string Email, string Name)
{
    public const string Usage = "usage: dotnet ReportingPortal.Web.dll accounts add-admin --email <email> --name <name>";

    /// <summary>Whether the arguments ask for an accounts command rather than the web site.</summary>
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "accounts";

    /// <summary>The command the arguments describe; null when they are not a valid one.</summary>
    public static AddAdministratorCommand? Parse(string[] args)
    {
        if (args.Length != 6 || args[0] != "accounts" || args[1] != "add-admin")
            return null;
        var options = new Dictionary<string, string>();
        for (var i = 2; i < args.Length; i += 2)
        {
            if (args[i] is not ("--email" or "--name") || !options.TryAdd(args[i], args[i + 1].Trim()))
                return null;
        }
        var email = options.GetValueOrDefault("--email");
        var name = options.GetValueOrDefault("--name");
        return string.IsNullOrEmpty(email) || string.IsNullOrEmpty(name) || !MailboxAddress.TryParse(email, out var address) || address.Address != email
            ? null : new AddAdministratorCommand(email, name);
    }

    /// <summary>Creates the administrator or its fresh link and prints the link; 0 when done, 1 when the email already has an enrolled account.</summary>
    public async Task<int> Run(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var accounts = services.GetRequiredService<AccountStore>();
        var console = services.GetRequiredService<IOptions<ConsoleOptions>>().Value;
        var token = EnrolmentTokens.New();
        var expiresAt = services.GetRequiredService<TimeProvider>().GetUtcNow() + EnrolmentTokens.Lifetime;
        var existing = await accounts.FindForSignIn(Email, cancellationToken);
        if (existing is { EnrolledAt: not null })
        {
            await output.WriteLineAsync($"{Email} already has an enrolled account; an administrator can send it a new invitation from {console.Link(Routes.ConsoleAccounts)}.");
            return 1;
        }
        if (existing is null)
            await accounts.Invite(new Invitation(Email, Name, IsAdministrator: true, Queues: []), invitedBy: null, EnrolmentTokens.Hash(token), expiresAt, cancellationToken);
        else
            await accounts.NewEnrolmentLink(existing.Id, invitedBy: null, EnrolmentTokens.Hash(token), expiresAt, cancellationToken);
        await output.WriteLineAsync($"Enrolment link for {Email}, valid once until {expiresAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC:");
        await output.WriteLineAsync(console.Link(EnrolmentTokens.PathFor(token)));
        return 0;
    }
}
