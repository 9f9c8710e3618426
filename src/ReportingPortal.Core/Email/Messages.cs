using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace ReportingPortal.Core.Email;

public static class Messages
{
    /// <summary>
    /// The same for every attempt at the same email, so a receiving server or a responder can see a retry
    /// of a message that did arrive as a duplicate.
    /// </summary>
    public static string MessageId(string reference, DeliveryKind kind, string recipient, MailboxAddress sender)
    {
        var recipientHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(recipient.ToLowerInvariant())))[..12];
        return $"{reference.ToLowerInvariant()}.{kind.ToString().ToLowerInvariant()}.{recipientHash}@{sender.Domain}";
    }

    /// <summary>Runs <paramref name="build"/> with the thread's UI culture set, for resource lookups in that language.</summary>
    public static T InLanguage<T>(string language, Func<CultureInfo, T> build)
    {
        var previous = CultureInfo.CurrentUICulture;
        var culture = CultureInfo.GetCultureInfo(language);
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return build(culture);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
