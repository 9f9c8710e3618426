using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ReportingPortal.Web.Errors;

/// <summary>A kind page for every failure: no details, never a stack trace.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ErrorModel : PageModel
{
    public string TitleKey { get; private set; } = "Error.Title";
    public string MessageKey { get; private set; } = "Error.Message";

    /// <summary>
    /// Runs for every method: the page is shown with the failed request's method (POST, or PUT for a 405), so it has
    /// no handler of its own. The code comes from the route; after an exception the handler has already set the
    /// status (500, or 503 when the database is away).
    /// </summary>
    [NonHandler]
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var status = int.TryParse(RouteData.Values["code"]?.ToString(), out var routed) ? routed
            : Response.StatusCode >= 400 ? Response.StatusCode : StatusCodes.Status500InternalServerError;
        if (status == StatusCodes.Status503ServiceUnavailable)
            Response.Headers.RetryAfter = "30";
        (TitleKey, MessageKey) = status switch
        {
            StatusCodes.Status400BadRequest => ("Error.BadRequest.Title", "Error.BadRequest.Message"),
            StatusCodes.Status404NotFound => ("Error.NotFound.Title", "Error.NotFound.Message"),
            StatusCodes.Status413PayloadTooLarge => ("Error.TooLarge.Title", "Error.TooLarge.Message"),
            StatusCodes.Status429TooManyRequests => ("Error.TooMany.Title", "Error.TooMany.Message"),
            StatusCodes.Status503ServiceUnavailable => ("Error.Unavailable.Title", "Error.Unavailable.Message"),
            >= 400 and < 500 => ("Error.BadRequest.Title", "Error.BadRequest.Message"),
            _ => ("Error.Title", "Error.Message"),
        };
    }
}
