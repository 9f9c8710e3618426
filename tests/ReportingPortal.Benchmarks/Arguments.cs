namespace ReportingPortal.Benchmarks;

public sealed class Arguments(Dictionary<string, string> values)
{
    public static Arguments Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, string>();
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
                name = arg[2..];
            else if (name is not null)
            {
                values[name] = arg;
                name = null;
            }
        }
        return new Arguments(values);
    }

    public string Text(string name) =>
        values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");

    public string Text(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    public bool Has(string name) => values.ContainsKey(name);

    public int Number(string name) => int.Parse(Text(name));

    public int Number(string name, int fallback) => values.TryGetValue(name, out var value) ? int.Parse(value) : fallback;

    public long Long(string name) => long.Parse(Text(name));
}
