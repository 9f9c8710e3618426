using ReportingPortal.Core.Reports;

namespace ReportingPortal.Core.Signposting;

/// <summary>The help to show: a country's numbers when it has some configured, otherwise the default set.</summary>
public sealed record Help(string? Country, string EmergencyNumber, IReadOnlyList<Helpline> Helplines)
{
    public string? CountryName => Country is null ? null : Countries.Name(Country);
}
