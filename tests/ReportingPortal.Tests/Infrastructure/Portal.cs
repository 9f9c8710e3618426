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

    private string? _ownDatabase;

    private Portal(Process process, Uri address, IReadOnlyDictionary<string, string> settings)
    {
        _process = process;
        Address = address;
        Settings = settings;
    }

    public string ConnectionString => Settings["ConnectionStrings__Portal"];

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
    public static Dictionary<string, string> DefaultSettings()
    {
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Portal"] = TestDatabase.ConnectionString,
            ["Receipts__SecretKey"] = TestSecret,
            ["Signposting__EmergencyNumber"] = "112",
            ["Operators__Password"] = OperatorPassword,
            // The real captcha, made cheap: PortalSession solves it as the browser widget would.
            ["Captcha__Provider"] = "altcha",
            ["Captcha__Altcha__HmacKey"] = AltchaKey,
            ["Captcha__Altcha__MaxNumber"] = "2000",
            // Fixed size: the suite sends reports faster than any real portal gets them.
            ["Captcha__Altcha__MaxNumberCeiling"] = "2000",
            ["Signals__MinimumFillTime"] = "00:00:00",
            // The whole suite posts from one address; the rate-limit tests start portals with small limits.
            ["RateLimits__Reports__PermitLimit"] = "100000",
            ["RateLimits__ReportSteps__PermitLimit"] = "100000",
            ["RateLimits__UnverifiedReports__PermitLimit"] = "100000",
            ["RateLimits__Challenges__PermitLimit"] = "100000",
            ["RateLimits__Guesses__PermitLimit"] = "100000",
            ["Delivery__FirstRetryAfter"] = "00:00:00.500",
            ["Delivery__MaxRetryAfter"] = "00:00:01",
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Information",
            ["Logging__Console__FormatterName"] = "simple",
        };
        foreach (var (key, value) in TestRun.Smtp.PortalSettings())
            settings[key] = value;
        return settings;
    }

    public const string OperatorPassword = "correct horse battery staple";

    public static string AltchaKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

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

    /// <summary>A portal with a database of its own (dropped with it) and the given mail server.</summary>
    public static async Task<Portal> StartIsolated(SmtpServer smtp, IDictionary<string, string>? overrides = null)
    {
        var database = TestDatabase.NewDatabaseName();
        var settings = new Dictionary<string, string>(smtp.PortalSettings())
        {
            ["ConnectionStrings__Portal"] = TestDatabase.ConnectionStringFor(database),
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
            settings[key] = value;
        var portal = await Start(settings);
        portal._ownDatabase = database;
        return portal;
    }

    /// <summary>Another portal process on the same database and mail server, with some settings changed.</summary>
    public Task<Portal> StartAnother(IDictionary<string, string>? overrides = null)
    {
        var settings = Settings.Where(setting => setting.Key != "ASPNETCORE_URLS").ToDictionary();
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
            settings[key] = value;
        return Start(settings);
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
        if (_ownDatabase is not null)
            await TestDatabase.Drop(_ownDatabase);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
