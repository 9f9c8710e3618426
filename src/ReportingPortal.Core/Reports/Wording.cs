using Microsoft.Extensions.Localization;

namespace ReportingPortal.Core.Reports;

/// <summary>Picks the simpler wording written for children ("Key.Child") when the reporter is a child and it exists.</summary>
public static class Wording
{
    public static string For(IStringLocalizer text, bool child, string key, params object[] arguments)
    {
        if (child)
        {
            var simpler = text[key + ".Child", arguments];
            if (!simpler.ResourceNotFound)
                return simpler.Value;
        }
        return text[key, arguments].Value;
    }
}
