using MimeKit;

namespace ReportingPortal.Core.Reports;

/// <summary>What a reporter sends from the report form, as typed.</summary>
public sealed class ReportForm
{
    public const int MaxUrls = 20;
    public const int MaxUrlLength = 2000;
    public const int MaxDescriptionLength = 10_000;
    public const int MaxShortTextLength = 200;
    public const int MaxUsernamesLength = 1000;
    public const int MaxEmailLength = 254;

    public string FormKey { get; set; } = "";

    /// <summary>When the form was opened, protected by the server (see <see cref="FormTimer"/>).</summary>
    public string? OpenedAt { get; set; }

    /// <summary>A field people never see or fill in; automated senders often do.</summary>
    public string? Website { get; set; }

    public ReporterRole? ReporterRole { get; set; }
    public ReportCategory? Category { get; set; }
    public string? Urls { get; set; }
    public string? Platform { get; set; }
    public string? Usernames { get; set; }
    public string? Country { get; set; }
    public string? Region { get; set; }
    public WhenItHappened? When { get; set; }
    public ChildAgeRange? ChildAge { get; set; }
    public ChildInDanger? ChildInDanger { get; set; }
    public string? Description { get; set; }
    public ContactPreference? Contact { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }

    /// <summary>How the acknowledgement may look in the reporter's inbox; none is sent when not safe.</summary>
    public EmailWording? EmailWording { get; set; }

    public bool IsFromAChild => ReporterRole?.IsChild() == true;

    /// <summary>Cleans every typed field before it is checked and stored (see <see cref="PlainText"/>).</summary>
    public void Clean()
    {
        Urls = PlainText.Clean(Urls, multiline: true);
        Description = PlainText.Clean(Description, multiline: true);
        Platform = PlainText.Clean(Platform, multiline: false);
        Usernames = PlainText.Clean(Usernames, multiline: false);
        Country = PlainText.Clean(Country, multiline: false);
        Region = PlainText.Clean(Region, multiline: false);
        ContactName = PlainText.Clean(ContactName, multiline: false);
        ContactEmail = PlainText.Clean(ContactEmail, multiline: false);
    }

    /// <summary>The links, one per line as typed, without blank lines or surrounding spaces.</summary>
    public IReadOnlyList<string> UrlList() => Links(Urls);

    public static IReadOnlyList<string> Links(string? urls) =>
        (urls ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static bool IsWebAddress(string value) =>
        value.Length <= MaxUrlLength
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    public static bool IsEmailAddress(string value) =>
        value.Length <= MaxEmailLength
        && MailboxAddress.TryParse(value, out var mailbox)
        && mailbox.Address == value
        && mailbox.Address.IndexOf('@') is > 0 and var at
        && mailbox.Address.IndexOf('.', at) > at + 1
        && !mailbox.Address.EndsWith('.');
}
