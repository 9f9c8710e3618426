using System.Net;
using ReportingPortal.Testing;

namespace ReportingPortal.Benchmarks;

/// <summary>
/// One reporter's browser, as far as the server can tell: the integration tests' <see cref="PortalSession"/> (its own
/// cookies, redirects not followed), sending the report form with its hidden fields and a solved captcha in one post.
/// </summary>
public sealed class ReporterSession(Uri site) : IDisposable
{
    private readonly PortalSession _session = new(site);

    /// <summary>GET /report: the form's hidden fields (antiforgery token, form key, when it was opened).</summary>
    public async Task<Dictionary<string, string>> OpenForm()
    {
        var (response, page) = await _session.GetPage("/report");
        if (response.StatusCode != HttpStatusCode.OK)
            throw new HttpRequestException($"GET /report answered {(int)response.StatusCode}", null, response.StatusCode);
        return PortalSession.HiddenFields(page);
    }

    /// <summary>
    /// POST /report with the captcha answered as the ALTCHA widget answers it, so every submission runs the server's
    /// verification; the site accepted the report when it answers 303 (to the receipt).
    /// </summary>
    public async Task<HttpStatusCode> Send(Dictionary<string, string> fields)
    {
        fields["altcha"] = AltchaSolver.Solved(await AltchaSolver.Fetch(_session.Client, "/captcha/challenge"));
        using var response = await _session.Post("/report", fields);
        await response.Content.CopyToAsync(Stream.Null);
        return response.StatusCode;
    }

    /// <summary>GET /report/receipt after a send: the report's reference.</summary>
    public async Task<string?> ReadReference()
    {
        var (_, page) = await _session.GetPage("/report/receipt");
        return page.QuerySelector("#reference")?.TextContent.Trim() is { Length: > 0 } reference ? reference : null;
    }

    public void Dispose() => _session.Dispose();
}
