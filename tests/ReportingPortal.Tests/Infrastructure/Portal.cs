using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace ReportingPortal.Tests.Infrastructure;

/// <summary>
/// The portal as operators run it: its own process, real Kestrel on a free loopback port, the test database.
/// Everything it writes to stdout and stderr is kept, so tests can read the logs.
/// </summary>
public sealed class Portal : IAsyncDisposable
{
    private static readonly SemaphoreSlim SharedLock = new(1, 1);
    private static Portal? _shared;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private Portal(Process process, Uri address, IReadOnlyDictionary<string, string> settings)
    {
        _process = process;
        Address = address;
        Settings = settings;
    }

    public Uri Address { get; }

    public IReadOnlyDictionary<string, string> Settings { get; }

    public string Output => string.Join('\n', _output);

    public bool HasExited => _process.HasExited;

    /// <summary>One portal with the default test settings, shared by the tests that need nothing special.</summary>
    public static async Task<Portal> Shared()
    {
        await SharedLock.WaitAsync();
        try
        {
            return _shared ??= await Start();
        }
        finally
        {
            SharedLock.Release();
        }
    }

    public static async Task StopShared()
    {
        if (_shared is not null)
            await _shared.DisposeAsync();
        _shared = null;
    }

    /// <summary>The settings every test portal gets; <paramref name="overrides"/> win.</summary>
    public static Dictionary<string, string> DefaultSettings() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__Portal"] = TestDatabase.ConnectionString,
        ["Receipts__SecretKey"] = TestSecret,
        ["Signposting__EmergencyNumber"] = "112",
        ["Logging__LogLevel__Default"] = "Information",
        ["Logging__LogLevel__Microsoft.AspNetCore"] = "Information",
        ["Logging__Console__FormatterName"] = "simple",
    };

    /// <summary>Fixed for the whole run, so every portal started by the tests derives the same access codes.</summary>
    public static string TestSecret { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static async Task<Portal> Start(IDictionary<string, string>? overrides = null)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var settings = DefaultSettings();
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
            settings[key] = value;
        settings["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.WebProject,
        };
        start.ArgumentList.Add(Repository.WebAssembly);
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(Repository.WebProject);
        foreach (var (key, value) in settings)
            start.Environment[key] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("The portal did not start.");
        var portal = new Portal(process, address, settings);
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) portal._output.Enqueue(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) portal._output.Enqueue(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await portal.WaitUntilHealthy(TimeSpan.FromSeconds(60));
        return portal;
    }

    public async Task WaitUntilHealthy(TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The portal exited with code {_process.ExitCode}:\n{Output}");
            try
            {
                var response = await client.GetAsync(new Uri(Address, "/health"));
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The portal did not become healthy in {timeout}:\n{Output}");
    }

    /// <summary>A browser-like HTTP session against this portal: its own cookies, no automatic redirects.</summary>
    public PortalSession NewSession() => new(Address);

    /// <summary>Stops the process the hard way, as a crash or power cut would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
