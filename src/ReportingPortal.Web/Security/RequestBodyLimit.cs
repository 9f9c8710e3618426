using Microsoft.AspNetCore.Diagnostics;

namespace ReportingPortal.Web.Security;

/// <summary>
/// A form over the request body limit is answered with 413 and the kind "too long" page. The form is read here, before
/// antiforgery, the language choice or model binding read it, since they would answer the same failure with a 400.
/// </summary>
public static class RequestBodyLimit
{
    /// <summary>Kestrel's limit on a request body, and so on any one form field.</summary>
    public const int Bytes = 256 * 1024;

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.HasFormContentType
                && context.Features.Get<IStatusCodeReExecuteFeature>() is null
                && context.Features.Get<IExceptionHandlerFeature>() is null)
            {
                try
                {
                    await context.Request.ReadFormAsync(context.RequestAborted);
                }
                catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    return;
                }
                catch (Exception unreadable) when (unreadable is InvalidDataException or BadHttpRequestException or IOException)
                {
                    // Any other broken form is answered later, with a 400, by the page it was sent to.
                }
            }
            await next(context);
        });
}
