using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ReportingPortal.Web;

namespace ReportingPortal.IntegrationTests.Cases;

/// <summary>The case page as a signed-in account uses it.</summary>
public static class CasePages
{
    public static Task<(HttpResponseMessage Response, IHtmlDocument Page)> Open(PortalSession session, string reference) =>
        session.GetPage(Routes.CaseOf(reference));

    /// <summary>Sends one of the case page's forms, with the antiforgery token of the page as the account sees it.</summary>
    public static async Task<HttpResponseMessage> Press(PortalSession session, string reference, string handler, params (string Name, string Value)[] fields)
    {
        var (opened, page) = await Open(session, reference);
        opened.StatusCode.ShouldBe(HttpStatusCode.OK);
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]").ShouldNotBeNull().Value,
        };
        foreach (var (name, value) in fields)
            form[name] = value;
        return await session.Post($"{Routes.CaseOf(reference)}?handler={handler}", form);
    }
}
