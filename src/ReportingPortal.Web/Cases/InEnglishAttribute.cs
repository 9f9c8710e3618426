using System.Globalization;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ReportingPortal.Web.Cases;

/// <summary>
/// The console is in English for now: its pages render report fields, dates and numbers in English whatever language
/// the browser asks the public site for.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class InEnglishAttribute : Attribute, IPageFilter
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        CultureInfo.CurrentCulture = English;
        CultureInfo.CurrentUICulture = English;
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
