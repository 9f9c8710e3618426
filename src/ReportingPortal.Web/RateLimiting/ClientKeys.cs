using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace ReportingPortal.Web.RateLimiting;

/// <summary>
/// The name a client's rate-limit counters go by: an HMAC-SHA-256 of its address with a key made at start-up and
/// held only in memory, so the counters never hold an address and mean nothing after a restart. An IPv6 address
/// counts by its network prefix (a /64 by default), since one home or school is given a whole /64 and a client
/// can change address within it at will; an IPv4 address counts as itself.
/// </summary>
public sealed class ClientKeys(IOptions<RateLimitOptions> options)
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string For(HttpContext context) => For(context.Connection.RemoteIpAddress);

    public string For(IPAddress? address)
    {
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            KeepPrefix(bytes, options.Value.IPv6PrefixLength);
        return Convert.ToBase64String(HMACSHA256.HashData(_key, bytes));
    }

    /// <summary>Zeroes every bit after the first <paramref name="prefixLength"/>.</summary>
    private static void KeepPrefix(byte[] address, int prefixLength)
    {
        for (var i = 0; i < address.Length; i++)
        {
            var bitsKept = Math.Clamp(prefixLength - i * 8, 0, 8);
            address[i] &= (byte)(0xFF << (8 - bitsKept));
        }
    }
}
