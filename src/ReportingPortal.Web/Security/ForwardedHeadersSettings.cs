using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ReportingPortal.Web.Security;

/// <summary>
/// The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed. None by default: a client could
/// otherwise pick its own address (and rate-limit partition) or pretend to be on HTTPS.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Proxy addresses, for example 10.0.0.5.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, for example 10.0.0.0/24.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool IsValid() =>
        KnownProxies.All(proxy => IPAddress.TryParse(proxy, out _)) && KnownNetworks.All(network => System.Net.IPNetwork.TryParse(network, out _));

    public void ApplyTo(ForwardedHeadersOptions options)
    {
        // Empty lists would make the middleware believe every sender, so with no proxy configured nothing is read.
        options.ForwardedHeaders = KnownProxies.Length + KnownNetworks.Length == 0
            ? ForwardedHeaders.None
            : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in KnownProxies)
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in KnownNetworks)
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        options.ForwardLimit = Math.Max(1, KnownProxies.Length + KnownNetworks.Length);
    }
}
