using System.Globalization;

namespace ReportingPortal.Web.Cases;

/// <summary>How the console writes times: in UTC, to the minute, the same for every responder.</summary>
public static class CaseFormat
{
    public static string Utc(DateTime at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Utc(DateTime? at) => at is { } value ? Utc(value) : "";
}
