using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using ReportingPortal.Core.Encryption;
using ReportingPortal.Core.Linking;

namespace ReportingPortal.Testing;

/// <summary>
/// The portal as operators run it: its own processes, real Kestrel on a free loopback port, the test database.
/// Everything it writes to stdout and stderr is kept, so tests can read the logs.
/// </summary>
public sealed class Portal : IAsyncDisposable
{
    private static readonly SemaphoreSlim SharedLock = new(1, 1);
    private static Portal? _shared;

    private readonly ConcurrentQueue<string> _output = new();
    private Process? _web;
    private Process? _worker;

    private string? _ownDatabase;

    private Portal(Uri address, IReadOnlyDictionary<string, string> settings, PortalProcesses processes)
    {
        Address = address;
        Settings = settings;
        Processes = processes;
        // Each process has a management port of its own, so portals running side by side do not collide.
        WebManagementAddress = new Uri($"http://127.0.0.1:{LoopbackPorts.Pick()}");
        WorkerManagementAddress = new Uri($"http://127.0.0.1:{LoopbackPorts.Pick()}");
    }

    /// <summary>The web site's management port: /metrics.</summary>
    public Uri WebManagementAddress { get; }

    /// <summary>The worker's management port: /health/live, /health/ready and /metrics.</summary>
    public Uri WorkerManagementAddress { get; }

    public PortalProcesses Processes { get; }

    public string ConnectionString => Settings["ConnectionStrings__Portal"];

    public Uri Address { get; }

    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>What the web site and the worker wrote, interleaved.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Whether every process of this portal has ended.</summary>
    public bool HasExited => RunningProcesses().All(process => process.HasExited);

    /// <summary>Whether every process this portal started still runs: none crashed or stopped by itself.</summary>
    public bool IsRunning => RunningProcesses().All(process => !process.HasExited);

    private IEnumerable<Process> RunningProcesses() => new[] { _web, _worker }.OfType<Process>();

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
            [$"Encryption__Keys__{TestKeyId}"] = TestEncryptionKey,
            ["Encryption__CurrentKeyId"] = TestKeyId,
            // The public host names, as an operator sets them: the proxy tests call the portal portal.test.
            ["AllowedHosts"] = "127.0.0.1;portal.test",
            // The real captcha, made cheap: PortalSession solves it as the browser widget would.
            ["Captcha__Provider"] = "altcha",
            ["Captcha__Altcha__HmacKey"] = AltchaKey,
            ["Captcha__Altcha__MaxNumber"] = "2000",
            // Fixed size: the suite sends reports faster than any real portal gets them.
            ["Captcha__Altcha__MaxNumberCeiling"] = "2000",
            ["Signals__MinimumFillTime"] = "00:00:00",
            // The suite is a script sending hundreds of reports from one client: screening would hold every forward.
            // The screening tests switch it on.
            ["Screening__Enabled"] = "false",
            // The whole suite posts from one address; the rate-limit tests start portals with small limits.
            ["RateLimits__Reports__PermitLimit"] = "100000",
            ["RateLimits__ReportSteps__PermitLimit"] = "100000",
            ["RateLimits__UnverifiedReports__PermitLimit"] = "100000",
            ["RateLimits__Challenges__PermitLimit"] = "100000",
            ["RateLimits__Guesses__PermitLimit"] = "100000",
            ["RateLimits__UnverifiedGuesses__PermitLimit"] = "100000",
            ["Delivery__FirstRetryAfter"] = "00:00:00.500",
            ["Delivery__MaxRetryAfter"] = "00:00:01",
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Information",
        };
        foreach (var (key, value) in SmtpServer.Shared.PortalSettings())
            settings[key] = value;
        return settings;
    }

    public static string AltchaKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Fixed for the whole run, so every portal started by the tests derives the same access codes.</summary>
    public static string TestSecret { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public const string TestKeyId = "test1";

    /// <summary>The key-encryption key of every portal the tests start, fixed for the run so each reads what another stored.</summary>
    public static string TestEncryptionKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The key ring the portals have, for tests that read sealed content straight from the database.</summary>
    public static KeyRing TestKeys { get; } = new(Options.Create(new EncryptionOptions
    {
        Keys = { [TestKeyId] = TestEncryptionKey },
        CurrentKeyId = TestKeyId,
    }));

    /// <summary>The fingerprints of links the portals make with the default settings, for tests that check what is stored.</summary>
    public static LinkFingerprints TestLinkFingerprints { get; } = new(Options.Create(new LinkingOptions()), Options.Create(new EncryptionOptions
    {
        Keys = { [TestKeyId] = TestEncryptionKey },
        CurrentKeyId = TestKeyId,
    }));

    public static async Task<Portal> Start(IDictionary<string, string>? overrides = null, PortalProcesses processes = PortalProcesses.WebAndWorker)
    {
        const int attempts = 5;
        for (var attempt = 1; ; attempt++)
        {
            var portal = await TryStart(LoopbackPorts.Pick(), overrides, processes, lastAttempt: attempt == attempts);
            if (portal is not null)
                return portal;
        }
    }

    /// <summary>Starts the portal on <paramref name="port"/>; null when another process took the port first.</summary>
    private static async Task<Portal?> TryStart(int port, IDictionary<string, string>? overrides, PortalProcesses processes, bool lastAttempt)
    {
        var address = new Uri($"http://127.0.0.1:{port}");
        var settings = DefaultSettings();
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
            settings[key] = value;
        settings["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        settings.TryAdd("Console__Address", settings["ASPNETCORE_URLS"]);

        var portal = new Portal(address, settings, processes);
        try
        {
            // The web site migrates the database before it answers; the worker starts after it, as in a deployment.
            if (processes != PortalProcesses.WorkerOnly)
            {
                portal._web = portal.Launch(Repository.WebAssembly, Repository.WebProject, "web");
                await portal.WaitUntilHealthy(TimeSpan.FromSeconds(60));
            }
            if (processes != PortalProcesses.WebOnly)
            {
                portal._worker = portal.Launch(Repository.WorkerAssembly, Path.GetDirectoryName(Repository.WorkerAssembly)!, "worker");
                await portal.WaitUntilWorkerStarted(TimeSpan.FromSeconds(60));
            }
        }
        catch (InvalidOperationException) when (!lastAttempt && portal.RunningProcesses().Any(process => process.HasExited)
                                                && LoopbackPorts.SaysPortTaken(portal.Output))
        {
            await portal.DisposeAsync();
            return null;
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }
        return portal;
    }

    private Process Launch(string assembly, string directory, string name)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        start.ArgumentList.Add(assembly);
        if (name == "web")
        {
            start.ArgumentList.Add("--contentRoot");
            start.ArgumentList.Add(directory);
        }
        foreach (var (key, value) in Settings)
            start.Environment[key] = value;
        start.Environment["Management__Urls"] = (name == "web" ? WebManagementAddress : WorkerManagementAddress).ToString().TrimEnd('/');

        var process = Process.Start(start) ?? throw new InvalidOperationException($"The {name} did not start.");
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) _output.Enqueue($"{name}: {line.Data}"); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) _output.Enqueue($"{name}: {line.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>A portal with a database of its own (dropped with it) and the given mail server.</summary>
    public static async Task<Portal> StartIsolated(SmtpServer smtp, IDictionary<string, string>? overrides = null,
        PortalProcesses processes = PortalProcesses.WebAndWorker)
    {
        var database = TestDatabase.NewDatabaseName();
        var settings = new Dictionary<string, string>(smtp.PortalSettings())
        {
            ["ConnectionStrings__Portal"] = TestDatabase.ConnectionStringFor(database),
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
            settings[key] = value;
        var portal = await Start(settings, processes);
        portal._ownDatabase = database;
        return portal;
    }

    /// <summary>Another portal on the same database and mail server, with some settings changed and some removed.</summary>
    public Task<Portal> StartAnother(IDictionary<string, string>? overrides = null, PortalProcesses processes = PortalProcesses.WebAndWorker,
        IEnumerable<string>? removed = null)
    {
        var settings = Settings.Where(setting => setting.Key != "ASPNETCORE_URLS" && !(removed ?? []).Contains(setting.Key)).ToDictionary();
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
            settings[key] = value;
        return Start(settings, processes);
    }

    /// <summary>The worker is up once the host says it started (after its migrations and its management port).</summary>
    private async Task WaitUntilWorkerStarted(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_worker!.HasExited)
                throw new InvalidOperationException($"The worker exited with code {_worker.ExitCode}:\n{Output}");
            if (_output.Any(line => line.StartsWith("worker: ", StringComparison.Ordinal) && line.Contains("Application started", StringComparison.Ordinal)))
                return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"The worker did not start in {timeout}:\n{Output}");
    }

    /// <summary>
    /// Waits until this portal's own web process says it listens on its address and answers /health: a server of
    /// another process that took the port would answer too.
    /// </summary>
    private async Task WaitUntilHealthy(TimeSpan timeout)
    {
        var listening = $"Now listening on: {Address.ToString().TrimEnd('/')}";
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_web!.HasExited)
                throw new InvalidOperationException($"The portal exited with code {_web.ExitCode}:\n{Output}");
            try
            {
                if (_output.Any(line => line.StartsWith("web: ", StringComparison.Ordinal) && line.Contains(listening, StringComparison.Ordinal))
                    && (await client.GetAsync(new Uri(Address, "/health"))).StatusCode == HttpStatusCode.OK)
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
        foreach (var process in RunningProcesses())
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    /// <summary>Asks the processes to stop (SIGTERM, as Kubernetes does when it deletes a pod) and waits until they have.</summary>
    public async Task Stop(TimeSpan timeout)
    {
        foreach (var process in RunningProcesses().Where(process => !process.HasExited))
        {
            using var signal = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
            await signal.WaitForExitAsync();
        }
        using var waiting = new CancellationTokenSource(timeout);
        foreach (var process in RunningProcesses())
            await process.WaitForExitAsync(waiting.Token);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in RunningProcesses())
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
        if (_ownDatabase is not null)
            await TestDatabase.Drop(_ownDatabase);
    }
}
