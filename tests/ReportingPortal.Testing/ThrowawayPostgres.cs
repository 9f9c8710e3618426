using System.Diagnostics;
using Npgsql;

namespace ReportingPortal.Testing;

/// <summary>
/// A PostgreSQL cluster of its own in a temporary folder, for a test that stops and starts the database without
/// disturbing the one every other test shares. PostgreSQL refuses to run as root: as root it runs as 'postgres'.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"rp-pg-{Guid.NewGuid():N}");
    private int _port;

    private ThrowawayPostgres()
    {
    }

    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = _port,
        Username = "portal",
        Database = "reportingportal",
    }.ConnectionString;

    public static async Task<ThrowawayPostgres> Start()
    {
        var cluster = new ThrowawayPostgres();
        await cluster.Run("initdb", "-D", cluster._folder, "-U", "portal", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        for (var attempt = 1; ; attempt++)
        {
            cluster._port = LoopbackPorts.Pick();
            try
            {
                await cluster.Resume();
                return cluster;
            }
            catch (InvalidOperationException) when (attempt < 5 && LoopbackPorts.SaysPortTaken(cluster.ServerLog()))
            {
                File.Delete(Path.Combine(cluster._folder, "server.log"));
            }
        }
    }

    private string ServerLog()
    {
        var log = Path.Combine(_folder, "server.log");
        return File.Exists(log) ? File.ReadAllText(log) : "";
    }

    /// <summary>Stops the server as an operator's restart does: connections are cut, nothing committed is lost.</summary>
    public Task Stop() => Run("pg_ctl", "-D", _folder, "-m", "fast", "-w", "stop");

    /// <summary>Starts the server again on its port; nothing else takes that port meanwhile (see <see cref="LoopbackPorts"/>).</summary>
    public Task Resume() => Run("pg_ctl", "-D", _folder, "-o",
        $"-p {_port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off",
        "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "start");

    private async Task Run(string program, params string[] arguments)
    {
        var binaries = Directory.GetDirectories("/usr/lib/postgresql")
            .Select(version => Path.Combine(version, "bin"))
            .OrderBy(path => int.TryParse(Path.GetFileName(Path.GetDirectoryName(path)), out var major) ? major : 0)
            .Last();
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "runuser" : Path.Combine(binaries, program))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asRoot)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", Path.Combine(binaries, program) })
                start.ArgumentList.Add(argument);
        }
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await output} {await errors}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Run("pg_ctl", "-D", _folder, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
        }
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}
