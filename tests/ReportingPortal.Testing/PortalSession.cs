using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ReportingPortal.Testing;

/// <summary>One visitor's HTTP session: cookies kept, redirects not followed, pages parsed as HTML.</summary>
public sealed class PortalSession : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly HttpClient _client;

    public PortalSession(Uri address)
    {
        _client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = Cookies })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public CookieContainer Cookies { get; } = new();

    public Task<HttpResponseMessage> Get(string path) => _client.GetAsync(path);

    public Task<HttpResponseMessage> Send(HttpRequestMessage request) => _client.SendAsync(request);

    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> GetPage(string path)
    {
        var response = await _client.GetAsync(path);
        return (response, await Parse(response));
    }

    public static async Task<IHtmlDocument> Parse(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    public HttpClient Client => _client;

    /// <summary>Opens the report form and returns its hidden fields (antiforgery token, form key, when it was opened).</summary>
    public async Task<Dictionary<string, string>> OpenReportForm() => HiddenFields(await OpenReportFormPage());

    /// <summary>Opens the report form and goes to its check-and-send step, where the captcha is.</summary>
    public async Task<IHtmlDocument> OpenReportFormPage()
    {
        var (response, first) = await GetPage("/report");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var fields = HiddenFields(first);
        fields["Go"] = "change:check";
        var check = await Post("/report", fields);
        check.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await Parse(check);
    }

    public static Dictionary<string, string> HiddenFields(IHtmlDocument page) =>
        page.QuerySelectorAll<IHtmlInputElement>("form input[type=hidden]")
            .Where(input => !string.IsNullOrEmpty(input.Name))
            .ToDictionary(input => input.Name!, input => input.Value);

    /// <summary>What the ALTCHA widget on the page would put in the form once it has solved its challenge.</summary>
    public async Task<string> SolveCaptcha(IHtmlDocument page)
    {
        var widget = page.QuerySelector("altcha-widget").ShouldNotBeNull("the report form shows the ALTCHA widget");
        var challenge = await AltchaSolver.Fetch(_client, widget.GetAttribute("challengeurl")!);
        return AltchaSolver.Solved(challenge);
    }

    public Task<HttpResponseMessage> Post(string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        _client.PostAsync(path, new FormUrlEncodedContent(fields));

    /// <summary>Opens the form and fills it in with <paramref name="answers"/> and a solved captcha, ready to post.</summary>
    public async Task<Dictionary<string, string>> FillReportForm(IDictionary<string, string> answers)
    {
        var page = await OpenReportFormPage();
        var fields = HiddenFields(page);
        fields.Remove("Step");
        fields["altcha"] = await SolveCaptcha(page);
        foreach (var (name, value) in answers)
            fields[name] = value;
        return fields;
    }

    /// <summary>Opens the form, fills it in with <paramref name="answers"/> and sends it once.</summary>
    public async Task<HttpResponseMessage> SendReport(IDictionary<string, string> answers) =>
        await Post("/report", await FillReportForm(answers));

    /// <summary>Sends a report that must be accepted, and reads the receipt it leads to.</summary>
    public async Task<Receipt> SubmitReport(IDictionary<string, string> answers)
    {
        var response = await SendReport(answers);
        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await response.Content.ReadAsStringAsync());
        return await ReadReceipt(response);
    }

    public async Task<Receipt> ReadReceipt(HttpResponseMessage redirect)
    {
        redirect.Headers.Location.ShouldNotBeNull();
        var (response, page) = await GetPage(redirect.Headers.Location!.ToString());
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return ReceiptOn(response, page);
    }

    private static Receipt ReceiptOn(HttpResponseMessage response, IHtmlDocument page) => new(
        page.QuerySelector("#reference")?.TextContent.Trim() ?? "",
        page.QuerySelector("#access-code")?.TextContent.Trim() ?? "",
        response,
        page);

    /// <summary>
    /// Goes through the form as <see cref="SubmitReport"/> does, but stops at the first answer that is not the next
    /// step (a kind error page while the database is away, say) and returns it; the receipt when one was shown.
    /// </summary>
    public async Task<(HttpResponseMessage Last, Receipt? Receipt)> TryToReport(IDictionary<string, string> answers)
    {
        var (form, first) = await GetPage("/report");
        if (form.StatusCode != HttpStatusCode.OK)
            return (form, null);
        var fields = HiddenFields(first);
        fields["Go"] = "change:check";
        var check = await Post("/report", fields);
        if (check.StatusCode != HttpStatusCode.OK)
            return (check, null);
        var checkPage = await Parse(check);
        fields = HiddenFields(checkPage);
        fields.Remove("Step");
        fields["altcha"] = await SolveCaptcha(checkPage);
        foreach (var (name, value) in answers)
            fields[name] = value;
        var sent = await Post("/report", fields);
        if (sent.StatusCode != HttpStatusCode.SeeOther)
            return (sent, null);
        var (shown, receipt) = await GetPage(sent.Headers.Location!.ToString());
        return shown.StatusCode == HttpStatusCode.OK ? (shown, ReceiptOn(shown, receipt)) : (shown, null);
    }

    /// <summary>Every later request says it came through a reverse proxy, from this client address and scheme.</summary>
    public PortalSession Through(string clientAddress, string scheme = "http")
    {
        _client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        _client.DefaultRequestHeaders.Add("X-Forwarded-Proto", scheme);
        return this;
    }

    /// <summary>Signs in to the console with the account's password and a TOTP code it has not used yet.</summary>
    public async Task<HttpResponseMessage> SignInToConsole(TestAccount account) =>
        await SignInToConsole(account.Email, account.Password, await ConsoleAccounts.NextCode(account));

    /// <summary>Sends the console's sign-in form with these answers.</summary>
    public async Task<HttpResponseMessage> SignInToConsole(string email, string password, string code)
    {
        var (_, page) = await GetPage("/console/sign-in");
        var fields = HiddenFields(page);
        fields["Email"] = email;
        fields["Password"] = password;
        fields["Code"] = code;
        return await Post("/console/sign-in", fields);
    }

    /// <summary>Presses "Sign out" in the console's header, with that page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> SignOutOfConsole()
    {
        var (response, page) = await GetPage("/console/account");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var form = page.QuerySelector("form[action='/console/sign-out']").ShouldNotBeNull();
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").ToDictionary(input => input.Name!, input => input.Value);
        return await Post("/console/sign-out", fields);
    }

    /// <summary>Opens "Check or add to your report" and fills in the reference and code, with a solved captcha unless <paramref name="solveCaptcha"/> is false.</summary>
    public async Task<Dictionary<string, string>> FillFollowUp(string reference, string accessCode, bool solveCaptcha = true)
    {
        var (response, page) = await GetPage("/follow-up");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var fields = HiddenFields(page);
        fields["Reference"] = reference;
        fields["AccessCode"] = accessCode;
        if (solveCaptcha)
            fields["altcha"] = await SolveCaptcha(page);
        return fields;
    }

    /// <summary>Types the reference and access code on /follow-up and sends them once.</summary>
    public async Task<HttpResponseMessage> OpenFollowUp(string reference, string accessCode, bool solveCaptcha = true) =>
        await Post("/follow-up", await FillFollowUp(reference, accessCode, solveCaptcha));

    /// <summary>Opens the report with its reference and code, which must work, and reads the reporter's page.</summary>
    public async Task<IHtmlDocument> OpenReportAgain(string reference, string accessCode)
    {
        var opened = await OpenFollowUp(reference, accessCode);
        opened.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await opened.Content.ReadAsStringAsync());
        opened.Headers.Location!.ToString().ShouldBe("/follow-up/report");
        var (response, page) = await GetPage("/follow-up/report");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return page;
    }

    /// <summary>Sends the reply form of the reporter's page with this text and these links.</summary>
    public async Task<HttpResponseMessage> ReplyOnFollowUp(string message, string urls = "")
    {
        var (response, page) = await GetPage("/follow-up/report");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var form = page.QuerySelector("#reply-form").ShouldNotBeNull("the report is open for replies");
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").ToDictionary(input => input.Name!, input => input.Value);
        fields["Reply.Message"] = message;
        fields["Reply.Urls"] = urls;
        return await Post("/follow-up/report", fields);
    }

    /// <summary>Presses "Leave" on the reporter's page.</summary>
    public async Task<HttpResponseMessage> LeaveFollowUp()
    {
        var (response, page) = await GetPage("/follow-up/report");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var form = page.QuerySelector("form.leave-form").ShouldNotBeNull();
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").ToDictionary(input => input.Name!, input => input.Value);
        return await Post(form.GetAttribute("action")!, fields);
    }

    public void Dispose() => _client.Dispose();
}

public sealed record Receipt(string Reference, string AccessCode, HttpResponseMessage Response, IHtmlDocument Page);
