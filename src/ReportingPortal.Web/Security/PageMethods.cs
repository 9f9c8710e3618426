using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ReportingPortal.Web.Security;

/// <summary>
/// Razor Pages render a page for any method it has no handler for (PUT /report showed the form). Here a page answers
/// only GET and HEAD and the methods of its handlers (OnPost…); anything else gets 405 with an Allow header, as the
/// endpoints mapped with MapGet get from routing.
/// </summary>
public static class PageMethods
{
    public static IReadOnlyList<string> AllowedFor(CompiledPageActionDescriptor page) =>
        new[] { HttpMethods.Get, HttpMethods.Head }
            .Concat(page.HandlerMethods.Select(handler => handler.HttpMethod.ToUpperInvariant()))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>After routing, which loads the matched page with its handlers, and before anything reads the body.</summary>
    public static IApplicationBuilder UsePageMethods(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // The error page, run again for an OPTIONS request, would answer it with an empty 200: an OPTIONS request
            // gets its status (405 with Allow, 404) without a page.
            if (HttpMethods.IsOptions(context.Request.Method) && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
                pages.Enabled = false;
            // GET and HEAD every page answers; an error page shown for a failed request runs with that request's
            // method, whatever it was.
            var method = context.Request.Method;
            if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method)
                && context.GetEndpoint()?.Metadata.GetMetadata<CompiledPageActionDescriptor>() is { } page
                && context.Features.Get<IStatusCodeReExecuteFeature>() is null
                && context.Features.Get<IExceptionHandlerFeature>() is null)
            {
                var allowed = AllowedFor(page);
                if (!allowed.Contains(method, StringComparer.OrdinalIgnoreCase))
                {
                    context.Response.Headers.Allow = string.Join(", ", allowed);
                    context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                    return;
                }
            }
            await next(context);
        });
}
