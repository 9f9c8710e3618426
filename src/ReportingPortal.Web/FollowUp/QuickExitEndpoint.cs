using Microsoft.Extensions.Options;
using ReportingPortal.Core.FollowUp;
using ReportingPortal.Web.Shared;

namespace ReportingPortal.Web.FollowUp;

public static class QuickExitEndpoint
{
    /// <summary>
    /// GET /exit, the quick exit's link: ends the reporter's session when there is one and forgets its cookie, then
    /// goes to QuickExit:Url. It leaves even when the session cannot be ended (the database away): leaving comes first.
    /// </summary>
    public static void MapQuickExit(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Routes.Exit, async (HttpContext context, ReporterSessions sessions, ReporterCookie cookie,
            IOptions<QuickExitOptions> quickExit, ILogger<ReporterSessions> logger) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            if (cookie.Read(context) is { } token)
            {
                try
                {
                    await sessions.End(token, context.RequestAborted);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning("A reporter's session could not be ended on the quick exit ({Failure}); it ends when idle", exception.GetType().Name);
                }
                cookie.Delete(context);
            }
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.Response.Headers.Location = quickExit.Value.Url;
        });
}
