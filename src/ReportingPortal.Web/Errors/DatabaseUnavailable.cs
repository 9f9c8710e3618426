using Npgsql;

namespace ReportingPortal.Web.Errors;

/// <summary>Failures that mean the database cannot be reached for now, answered with 503 rather than 500.</summary>
public static class DatabaseUnavailable
{
    public static bool Is(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            // A PostgresException is the server answering: only its transient kinds (shutting down, starting up) count.
            if (current is PostgresException postgres)
                return postgres.IsTransient || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal);
            if (current is NpgsqlException)
                return true;
        }
        return false;
    }

    public static int StatusCodeFor(Exception exception) =>
        Is(exception) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
}
