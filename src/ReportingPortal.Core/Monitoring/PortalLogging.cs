using System.Text.Encodings.Web;
using Microsoft.Extensions.Hosting;

namespace ReportingPortal.Core.Monitoring;

public static class PortalLogging
{
    /// <summary>
    /// Outside Development, one JSON object per line with a UTC timestamp, for a log collector; Development keeps the
    /// readable console. Text is written unescaped where JSON allows, so a log line reads (and is searched) as it was said.
    /// </summary>
    public static ILoggingBuilder AddPortalConsole(this ILoggingBuilder logging, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
            return logging;
        return logging.AddJsonConsole(json =>
        {
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            json.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        });
    }
}
