using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using ReportingPortal.Core.Accounts;

namespace ReportingPortal.Web.Accounts;

/// <summary>
/// Keeps each console sign-in on the server, in <see cref="ConsoleSessions"/>, protected with Data Protection; the
/// cookie holds only the session's key, so signing out ends the session for every copy of the cookie.
/// </summary>
public sealed class ConsoleTicketStore(ConsoleSessions sessions, IDataProtectionProvider protection) : ITicketStore
{
    private readonly IDataProtector _protector = protection.CreateProtector("ReportingPortal.Console.Sessions");

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) =>
        sessions.Start(ticket.Principal.AccountId(), Protect(ticket), cancellationToken);

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) =>
        sessions.Renew(key, Protect(ticket), cancellationToken);

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        var stored = await sessions.Use(key, cancellationToken);
        if (stored is null)
            return null;
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(stored));
        }
        catch (CryptographicException)
        {
            // Its Data Protection key is gone: the person signs in again.
            return null;
        }
    }

    // Signing out ends the session even if the browser goes away during the request.
    public Task RemoveAsync(string key) => sessions.End(key, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => RemoveAsync(key);

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));
}
