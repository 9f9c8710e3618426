using System.Globalization;

namespace ReportingPortal.Benchmarks;

/// <summary>Figures as key=value lines in one file, so the shell script can add its own (pgbench, memory).</summary>
public static class Results
{
    public static void Append(string file, string prefix, IEnumerable<(string Key, double Value)> figures)
    {
        var lines = figures.Select(figure => $"{prefix}_{figure.Key}={figure.Value.ToString("0.###", CultureInfo.InvariantCulture)}").ToList();
        File.AppendAllLines(file, lines);
        foreach (var line in lines)
            Console.WriteLine(line);
    }

    public static Dictionary<string, double> Read(string file) =>
        File.ReadAllLines(file)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2 && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            .GroupBy(parts => parts[0].Trim())
            .ToDictionary(group => group.Key, group => double.Parse(group.Last()[1], CultureInfo.InvariantCulture));
}

public static class Percentiles
{
    /// <summary>p50, p95 and p99 in milliseconds (nearest rank).</summary>
    public static IEnumerable<(string Key, double Value)> Of(string name, IReadOnlyCollection<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        foreach (var p in new[] { 50, 95, 99 })
        {
            var value = sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
            yield return ($"{name}_p{p}_ms", value);
        }
    }
}
