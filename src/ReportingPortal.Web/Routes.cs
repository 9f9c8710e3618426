namespace ReportingPortal.Web;

/// <summary>
/// The portal's paths, named once. A page's <c>@page</c> directive must spell its path literally: those literals
/// match these constants; links, redirects, endpoint mappings and sign-in paths use the constants.
/// </summary>
public static class Routes
{
    public const string Home = "/";
    public const string Report = "/report";
    public const string Receipt = "/report/receipt";
    public const string Learn = "/learn";
    public const string LearnForChildren = "/learn/children";
    public const string Help = "/help";
    public const string FollowUp = "/follow-up";
    public const string FollowUpReport = "/follow-up/report";
    public const string Statistics = "/statistics";

    /// <summary>Where the quick exit goes first: it ends a reporter's session, then leaves for QuickExit:Url.</summary>
    public const string Exit = "/exit";
    public const string Error = "/error";
    public const string Language = "/language/{code}";
    public const string CaptchaChallenge = "/captcha/challenge";
    /// <summary>The readiness check under its first name; /health/live and /health/ready are in <see cref="Core.Monitoring.HealthEndpoints"/>.</summary>
    public const string Health = "/health";
    public const string Jobs = "/jobs";

    public const string Console = "/console";
    public const string ConsoleSignIn = "/console/sign-in";
    public const string ConsoleSignOut = "/console/sign-out";
    public const string ConsoleEnrol = "/console/enrol";
    public const string ConsoleAccount = "/console/account";
    public const string ConsoleAccounts = "/console/accounts";
    public const string ConsoleAccountEdit = "/console/accounts/{id:long}";
    public const string ConsoleAudit = "/console/audit";
    public const string ConsoleMail = "/console/mail";
    public const string ConsoleStoredData = "/console/stored-data";
    public const string ConsoleStatistics = "/console/statistics";
    public const string ConsoleExport = "/console/export";
    public const string ConsoleCase = "/console/cases/{reference}";

    /// <summary>The console's page for one case; the same path as the links in emails (<see cref="Core.Cases.ConsoleOptions.CasePath"/>).</summary>
    public static string CaseOf(string reference) => Core.Cases.ConsoleOptions.CasePath(reference);

    /// <summary>An administrator's page for one account.</summary>
    public static string ConsoleAccountOf(long id) => ConsoleAccounts + "/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The link that picks a language and comes back to <paramref name="returnUrl"/>.</summary>
    public static string LanguageChoice(string code, string returnUrl) =>
        Language.Replace("{code}", Uri.EscapeDataString(code), StringComparison.Ordinal) + "?returnUrl=" + Uri.EscapeDataString(returnUrl);
}
