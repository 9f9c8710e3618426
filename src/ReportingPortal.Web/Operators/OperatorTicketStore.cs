using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using ReportingPortal.Core.Operators;

namespace ReportingPortal.Web.Operators;

/// <summary>
/// Keeps each operator sign-in on the server, in <see cref="OperatorSessions"/>, protected with Data Protection; the
/// cookie holds only the session's key, so signing out ends the session for every copy of the cookie.
/// </summary>
public sealed class OperatorTicketStore(OperatorSessions sessions, IDataProtectionProvider protection, TimeProvider clock) : ITicketStore
{
    private readonly IDataProtector _protector = protection.CreateProtector("ReportingPortal.Operators.Sessions");

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) =>
        sessions.Start(Protect(ticket), ExpiresAt(ticket), cancellationToken);

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) =>
        sessions.Renew(key, Protect(ticket), ExpiresAt(ticket), cancellationToken);

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        var stored = await sessions.Find(key, cancellationToken);
        if (stored is null)
            return null;
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(stored));
        }
        catch (CryptographicException)
        {
            // Its Data Protection key is gone: the operator signs in again.
            return null;
        }
    }

    // Signing out ends the session even if the browser goes away during the request.
    public Task RemoveAsync(string key) => sessions.End(key, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => RemoveAsync(key);

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private DateTimeOffset ExpiresAt(AuthenticationTicket ticket) =>
        ticket.Properties.ExpiresUtc ?? clock.GetUtcNow() + OperatorsServiceCollectionExtensions.SessionLifetime;
}
