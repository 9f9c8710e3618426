using System.ComponentModel.DataAnnotations;

namespace ReportingPortal.Core.Storage;

public sealed class DatabaseOptions
{
    [Required(ErrorMessage = "ConnectionStrings:Portal is required: the PostgreSQL connection string for reports and jobs.")]
    public string ConnectionString { get; set; } = "";
}
