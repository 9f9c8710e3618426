using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace ReportingPortal.Testing;

/// <summary>
/// A real HTTP server on a loopback port playing a captcha provider's siteverify API (reCAPTCHA, Turnstile and
/// hCaptcha share its shape): tokens the test registers succeed once, a token used twice or never issued fails.
/// </summary>
public sealed class SiteVerifyServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, object> _answers = new();
    private readonly ConcurrentDictionary<string, bool> _used = new();
    private readonly Task _serving;

    public SiteVerifyServer()
    {
        Port = LoopbackPorts.Pick();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(Serve);
    }

    public int Port { get; }

    public string VerifyUrl => $"http://127.0.0.1:{Port}/siteverify";

    /// <summary>Every request body received, as form fields.</summary>
    public ConcurrentQueue<Dictionary<string, string>> Requests { get; } = new();

    /// <summary>When set, every request gets this HTTP status instead (the provider is down).</summary>
    public HttpStatusCode? FailWith { get; set; }

    /// <summary>A token the provider would have issued to a widget, with what siteverify says about it.</summary>
    public string Issue(bool success = true, string hostname = "127.0.0.1", double? score = 0.9, string? action = "report", params string[] errors)
    {
        var token = $"token-{Guid.NewGuid():N}";
        _answers[token] = new Dictionary<string, object?>
        {
            ["success"] = success,
            ["challenge_ts"] = DateTime.UtcNow.ToString("O"),
            ["hostname"] = hostname,
            ["score"] = score,
            ["action"] = action,
            ["error-codes"] = errors,
        };
        return token;
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var form = (await reader.ReadToEndAsync()).Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => Uri.UnescapeDataString(pair.ElementAtOrDefault(1)?.Replace('+', ' ') ?? ""));
            Requests.Enqueue(form);

            if (FailWith is { } status)
            {
                context.Response.StatusCode = (int)status;
                context.Response.Close();
                continue;
            }
            var token = form.GetValueOrDefault("response") ?? "";
            object answer = !_answers.TryGetValue(token, out var issued)
                ? new { success = false, error_codes = new[] { "invalid-input-response" } }
                : !_used.TryAdd(token, true)
                    ? new { success = false, error_codes = new[] { "timeout-or-duplicate" } }
                    : issued;
            var body = JsonSerializer.SerializeToUtf8Bytes(answer);
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
