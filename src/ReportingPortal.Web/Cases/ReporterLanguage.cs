using System.Globalization;

namespace ReportingPortal.Web.Cases;

/// <summary>
/// Renders part of a console page in a report's language, as the reporter's own pages are, and puts the console's
/// language back when disposed: the case page shows responders exactly what the reporter reads.
/// </summary>
public sealed class ReporterLanguage : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    private ReporterLanguage(CultureInfo reporter)
    {
        CultureInfo.CurrentCulture = reporter;
        CultureInfo.CurrentUICulture = reporter;
    }

    public static ReporterLanguage Use(string language) => new(CultureInfo.GetCultureInfo(language));

    public static string Direction(string language) =>
        CultureInfo.GetCultureInfo(language).TextInfo.IsRightToLeft ? "rtl" : "ltr";

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
