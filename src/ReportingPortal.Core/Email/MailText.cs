using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace ReportingPortal.Core.Email;

/// <summary>
/// The portal's shared wording for the emails sent in bulk, each text looked up once per language: a forward reads
/// about thirty of them, and each lookup through the resource manager builds a cache key and walks the language's
/// fallbacks again. Texts with arguments are formatted as the resource manager's localizer formats them.
/// </summary>
public sealed class MailText(IStringLocalizer<SharedResource> text) : IStringLocalizer
{
    // Bounded by the resource names times the four languages: a name is fixed in code or built from one of a report's
    // fixed answers (its category, the child's age range), never from what a reporter typed.
    private readonly ConcurrentDictionary<(string Language, string Name), LocalizedString> _found = new();

    public LocalizedString this[string name] =>
        _found.GetOrAdd((CultureInfo.CurrentUICulture.Name, name), static (key, text) => text[key.Name], text);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => text.GetAllStrings(includeParentCultures);
}
