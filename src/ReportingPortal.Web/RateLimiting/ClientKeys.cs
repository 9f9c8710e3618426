using System.Security.Cryptography;

namespace ReportingPortal.Web.RateLimiting;

/// <summary>
/// The name a client's rate-limit counters go by: an HMAC-SHA-256 of its address with a key made at start-up and
/// held only in memory, so the counters never hold an address and mean nothing after a restart.
/// </summary>
public sealed class ClientKeys
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string For(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        return Convert.ToBase64String(HMACSHA256.HashData(_key, address.GetAddressBytes()));
    }
}
