using System.Text;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace ReportingPortal.Web.Errors;

/// <summary>
/// Writes each unhandled error instead of the framework's exception handler: limited by <see cref="RepeatedErrors"/>,
/// and with the exception types, database error codes and stack traces only. Exception messages are left out, since
/// they can quote what a request carried; nothing of the request (its address, headers or form) is written.
/// </summary>
public sealed class UnhandledErrorLog(RepeatedErrors repeats, TimeProvider clock, ILogger<UnhandledErrorLog> logger)
{
    /// <summary>For <see cref="ExceptionHandlerOptions.SuppressDiagnosticsCallback"/>: writes the error, and tells the framework not to.</summary>
    public static bool WriteInstead(ExceptionHandlerSuppressDiagnosticsContext context)
    {
        context.HttpContext.RequestServices.GetRequiredService<UnhandledErrorLog>().Write(context.Exception);
        return true;
    }

    public void Write(Exception exception)
    {
        var error = RepeatedErrors.KeyOf(exception);
        switch (repeats.Record(error, clock.GetUtcNow(), out var times))
        {
            case ErrorLogLine.InFull:
                logger.LogError("Unhandled {Error}, {Times} time(s) since it was last written:{Trace}", error, times, Trace(exception));
                break;
            case ErrorLogLine.Summary:
                logger.LogError("Unhandled {Error} again, {Times} time(s) since it was last written (written at most once every {Interval})",
                    error, times, repeats.Interval);
                break;
        }
    }

    /// <summary>The exception and its inner exceptions: type, database error code, stack trace; never a message.</summary>
    public static string Trace(Exception exception)
    {
        var trace = new StringBuilder();
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            trace.Append('\n').Append(current == exception ? "" : "inner ").Append(current.GetType().FullName);
            if (current is PostgresException postgres)
                trace.Append(" (SQLSTATE ").Append(postgres.SqlState).Append(')');
            if (current.StackTrace is { } stackTrace)
                trace.Append('\n').Append(stackTrace);
        }
        return trace.ToString();
    }
}
