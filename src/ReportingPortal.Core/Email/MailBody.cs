using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using MimeKit;

namespace ReportingPortal.Core.Email;

/// <summary>Builds the plain-text and HTML parts of an email together; every value is HTML-encoded.</summary>
public sealed class MailBody
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new();
    private readonly HtmlEncoder _encoder = HtmlEncoder.Default;

    public MailBody Heading(string text)
    {
        _text.Append(text).Append('\n').Append(new string('=', Math.Min(text.Length, 60))).Append("\n\n");
        _html.Append("<h1 style=\"font-size:1.3em\">").Append(_encoder.Encode(text)).Append("</h1>\n");
        return this;
    }

    public MailBody Subheading(string text)
    {
        _text.Append(text).Append('\n').Append(new string('-', Math.Min(text.Length, 60))).Append("\n\n");
        _html.Append("<h2 style=\"font-size:1.1em\">").Append(_encoder.Encode(text)).Append("</h2>\n");
        return this;
    }

    public MailBody Paragraph(string text)
    {
        _text.Append(text).Append("\n\n");
        _html.Append("<p>").Append(_encoder.Encode(text)).Append("</p>\n");
        return this;
    }

    public MailBody List(IEnumerable<string> items)
    {
        _html.Append("<ul>\n");
        foreach (var item in items)
        {
            _text.Append("- ").Append(item).Append('\n');
            _html.Append("<li>").Append(_encoder.Encode(item)).Append("</li>\n");
        }
        _text.Append('\n');
        _html.Append("</ul>\n");
        return this;
    }

    /// <summary>A labelled value; values keep their line breaks and are never turned into links.</summary>
    public MailBody Field(string label, string? value)
    {
        var shown = string.IsNullOrWhiteSpace(value) ? "-" : value;
        _text.Append(label).Append(": ");
        _text.Append(shown.Contains('\n') ? "\n" + Indent(shown) : shown).Append('\n');
        _html.Append("<p><strong>").Append(_encoder.Encode(label)).Append("</strong><br>")
            .Append(_encoder.Encode(shown).Replace("&#xA;", "<br>"))
            .Append("</p>\n");
        return this;
    }

    public MimeEntity ToMimeBody(CultureInfo culture)
    {
        var direction = culture.TextInfo.IsRightToLeft ? "rtl" : "ltr";
        return new BodyBuilder
        {
            TextBody = _text.ToString(),
            HtmlBody = $"<!DOCTYPE html>\n<html lang=\"{culture.Name}\" dir=\"{direction}\"><head><meta charset=\"utf-8\"></head>"
                       + $"<body style=\"font-family:sans-serif;line-height:1.5\">\n{_html}</body></html>\n",
        }.ToMessageBody();
    }

    private static string Indent(string value) =>
        string.Join('\n', value.Split('\n').Select(line => "    " + line.TrimEnd('\r')));
}
