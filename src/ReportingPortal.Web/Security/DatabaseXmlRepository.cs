using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace ReportingPortal.Web.Security;

/// <summary>Keeps the Data Protection key ring in PostgreSQL, the one store every instance of the portal shares.</summary>
public sealed class DatabaseXmlRepository(NpgsqlDataSource database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.OpenConnection();
        return connection.Query<string>("select xml from data_protection_keys order by id")
            .Select(xml => XElement.Parse(xml))
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = database.OpenConnection();
        connection.Execute("insert into data_protection_keys (friendly_name, xml) values (@friendlyName, @Xml)",
            new { friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
    }
}
