using System.Net;
using System.Net.Sockets;

namespace ReportingPortal.Testing;

/// <summary>
/// Ports for the servers the tests start, picked below the kernel's ephemeral range: a port the kernel hands out
/// for "any free port" or to an outgoing connection could be taken by another process after it was picked and
/// before the server binds it, or while a fault test has the server stopped. A collision is still possible
/// (another run picking the same port), so the servers' start-up retries with a new port when the bind fails.
/// </summary>
public static class LoopbackPorts
{
    private const int Lowest = 20_000;

    public static int Pick()
    {
        var highest = EphemeralRangeStart() - 1;
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(Lowest, highest + 1);
            if (IsFree(port))
                return port;
        }
        throw new InvalidOperationException($"No free loopback port between {Lowest} and {highest}.");
    }

    /// <summary>Whether a server's start-up output says its port was taken.</summary>
    public static bool SaysPortTaken(string output) =>
        output.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
        || output.Contains("Failed to bind to address", StringComparison.Ordinal)
        || output.Contains("could not bind", StringComparison.OrdinalIgnoreCase);

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int EphemeralRangeStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        var start = File.Exists(range) && int.TryParse(File.ReadAllText(range).Split('\t', ' ')[0], out var first) ? first : 32_768;
        return Math.Max(start, Lowest + 1_000);
    }
}
