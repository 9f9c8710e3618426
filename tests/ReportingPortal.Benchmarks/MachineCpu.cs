using System.Globalization;

namespace ReportingPortal.Benchmarks;

/// <summary>
/// CPU time from Linux's /proc, in milliseconds: the machine's busy time over every core, and one process's own
/// (user and system). /proc counts in USER_HZ ticks, 100 a second on Linux whatever the kernel's own tick.
/// </summary>
public static class MachineCpu
{
    private const double MillisecondsPerTick = 1000.0 / 100;

    /// <summary>Busy time of all cores together (user, nice, system, irq, softirq, steal), and busy plus idle.</summary>
    public static (double BusyMs, double TotalMs) Machine()
    {
        var fields = File.ReadLines("/proc/stat").First(line => line.StartsWith("cpu ", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(field => long.Parse(field, CultureInfo.InvariantCulture)).ToArray();
        var busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + fields[7];
        var idle = fields[3] + fields[4];
        return (busy * MillisecondsPerTick, (busy + idle) * MillisecondsPerTick);
    }

    /// <summary>A process's own user and system time so far.</summary>
    public static double Process(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The name, in parentheses, may hold spaces: the fields are counted after its closing one (utime is the 14th).
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * MillisecondsPerTick;
    }
}
