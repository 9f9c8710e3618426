using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ReportingPortal.Core.Linking;

/// <summary>
/// One form of a web address, so that links written differently but naming the same page compare equal: the scheme
/// (http and https alike), the host's case, a leading <c>www.</c>, an IDN host (punycode), the default port, user
/// information, a trailing slash, tracking parameters, the order of parameters, percent-encoding's case and the
/// fragment (unless it routes a single-page site) do not count. The path's case does, as it does on most sites.
/// </summary>
public static partial class ReportedLink
{
    /// <summary>Query parameters that only say where a visitor came from; compared without regard to case.</summary>
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "igshid", "igsh", "si",
        "mc_cid", "mc_eid", "_ga", "_gl", "li_fat_id", "ref", "ref_src", "ref_url", "referrer", "s_cid", "share_id",
    };

    private const int MaxLength = 4096;

    /// <summary>The normalised form of a typed address, or null when it is not a web address (http or https).</summary>
    public static string? Normalise(string? typed)
    {
        var value = (typed ?? "").Trim();
        if (value.Length is 0 or > MaxLength)
            return null;
        // People type addresses without a scheme ("example.com/page"); such a one is read as a web address.
        if (value.StartsWith("//", StringComparison.Ordinal))
            value = "https:" + value;
        else if (!value.Contains("://", StringComparison.Ordinal))
        {
            // "mailto:…" or "javascript:…" name another scheme; "example.com:8080" names a port.
            if (OtherScheme().IsMatch(value))
                return null;
            value = "https://" + value;
        }
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
            return null;

        string host;
        try
        {
            host = uri.IdnHost.ToLowerInvariant().TrimEnd('.');
        }
        catch (UriFormatException)
        {
            return null;
        }
        if (host.StartsWith("www.", StringComparison.Ordinal) && host.Length > 4)
            host = host[4..];
        if (host.Length == 0)
            return null;

        var builder = new StringBuilder(host);
        if (!uri.IsDefaultPort)
            builder.Append(':').Append(uri.Port.ToString(CultureInfo.InvariantCulture));

        var path = PercentEncoding(uri.AbsolutePath);
        if (path.Length > 1)
            path = path.TrimEnd('/');
        builder.Append(path.Length == 0 ? "/" : path);

        var parameters = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(PercentEncoding)
            .Where(parameter => !IsTracking(parameter))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (parameters.Count > 0)
            builder.Append('?').AppendJoin('&', parameters);

        // "#!/…" and "#/…" are pages of a single-page site; any other fragment is a place on the same page.
        var fragment = uri.Fragment.TrimStart('#');
        if (fragment.StartsWith('!') || fragment.StartsWith('/'))
            builder.Append('#').Append(PercentEncoding(fragment));
        return builder.ToString();
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:(?![0-9])")]
    private static partial Regex OtherScheme();

    private static bool IsTracking(string parameter)
    {
        var name = Uri.UnescapeDataString(parameter.Split('=', 2)[0]);
        return name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(name);
    }

    /// <summary>Escapes of unreserved characters decoded, every other escape in upper case (RFC 3986, 6.2.2).</summary>
    private static string PercentEncoding(string escaped)
    {
        if (!escaped.Contains('%'))
            return escaped;
        var builder = new StringBuilder(escaped.Length);
        for (var i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] == '%' && i + 2 < escaped.Length
                && byte.TryParse(escaped.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var octet))
            {
                var character = (char)octet;
                if (char.IsAsciiLetterOrDigit(character) || character is '-' or '.' or '_' or '~')
                    builder.Append(character);
                else
                    builder.Append('%').Append(octet.ToString("X2", CultureInfo.InvariantCulture));
                i += 2;
            }
            else
                builder.Append(escaped[i]);
        }
        return builder.ToString();
    }
}
