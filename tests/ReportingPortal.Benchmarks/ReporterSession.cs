using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ReportingPortal.Benchmarks;

/// <summary>
/// One reporter's browser, as far as the server can tell: its own cookies, the report form fetched and posted
/// with the hidden fields the form carries (antiforgery token, form key), redirects not followed.
/// </summary>
public sealed partial class ReporterSession : IDisposable
{
    private readonly HttpClient _client;

    public ReporterSession(Uri site)
    {
        _client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            BaseAddress = site,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>GET /report: the form's hidden fields.</summary>
    public async Task<Dictionary<string, string>> OpenForm(CancellationToken cancellationToken)
    {
        using var response = await _client.GetAsync("/report", cancellationToken);
        var page = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new HttpRequestException($"GET /report answered {(int)response.StatusCode}", null, response.StatusCode);
        var fields = new Dictionary<string, string>();
        foreach (Match input in HiddenInput().Matches(page))
        {
            var name = Attribute(input.Value, "name");
            if (name is not null)
                fields[name] = WebUtility.HtmlDecode(Attribute(input.Value, "value") ?? "");
        }
        return fields;
    }

    /// <summary>
    /// The captcha step, as the ALTCHA widget does it: fetch a challenge, find the number whose SHA-256 with the
    /// salt is the challenge, and post the payload, so every submission runs the server's verification.
    /// </summary>
    private async Task AnswerCaptcha(Dictionary<string, string> fields, CancellationToken cancellationToken)
    {
        using var challenge = JsonDocument.Parse(await _client.GetStringAsync("/captcha/challenge", cancellationToken));
        var root = challenge.RootElement;
        var salt = root.GetProperty("salt").GetString()!;
        var target = root.GetProperty("challenge").GetString()!;
        var max = root.GetProperty("maxnumber").GetInt32();
        var number = Enumerable.Range(0, max + 1).First(candidate =>
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(salt + candidate.ToString(CultureInfo.InvariantCulture)))) == target);
        fields["altcha"] = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["algorithm"] = root.GetProperty("algorithm").GetString()!,
            ["challenge"] = target,
            ["number"] = number,
            ["salt"] = salt,
            ["signature"] = root.GetProperty("signature").GetString()!,
        }));
    }

    /// <summary>POST /report; the site accepted the report when it answers 303 (to the receipt).</summary>
    public async Task<HttpStatusCode> Send(Dictionary<string, string> fields, CancellationToken cancellationToken)
    {
        await AnswerCaptcha(fields, cancellationToken);
        using var response = await _client.PostAsync("/report", new FormUrlEncodedContent(fields), cancellationToken);
        await response.Content.CopyToAsync(Stream.Null, cancellationToken);
        return response.StatusCode;
    }

    /// <summary>GET /report/receipt after a send: the report's reference.</summary>
    public async Task<string?> ReadReference(CancellationToken cancellationToken)
    {
        var page = await _client.GetStringAsync("/report/receipt", cancellationToken);
        var match = ReferenceOnReceipt().Match(page);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"""\b{name}="([^"]*)" """.TrimEnd());
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("""<input\b[^>]*\btype="hidden"[^>]*>""")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("""id="reference">\s*(RP-[0-9A-Z]{4}-[0-9A-Z]{4})""")]
    private static partial Regex ReferenceOnReceipt();

    public void Dispose() => _client.Dispose();
}
