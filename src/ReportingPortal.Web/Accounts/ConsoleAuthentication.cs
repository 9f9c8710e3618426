using System.Globalization;
using System.Security.Claims;

namespace ReportingPortal.Web.Accounts;

/// <summary>
/// The console's sign-in, kept apart from the public site: its own scheme and cookie. A signed-in principal carries
/// the account's id, its display name and, for administrators, the administrator role; queue memberships are read
/// from the database on each request, so a change takes effect at once.
/// </summary>
public static class ConsoleAuthentication
{
    public const string Scheme = "Console";
    public const string CookieName = "rp-console";

    /// <summary>Any signed-in account: responders, supervisors, administrators.</summary>
    public const string AnyAccount = "ConsoleAccount";

    /// <summary>Administrators only: accounts, queues, the audit log, mail status and the job dashboard.</summary>
    public const string Administrators = "ConsoleAdministrator";

    public const string AdministratorRole = "Administrator";

    /// <summary>The signed-in account's id.</summary>
    public static long AccountId(this ClaimsPrincipal user) =>
        long.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)
                   ?? throw new InvalidOperationException("The console user has no account id."), CultureInfo.InvariantCulture);

    public static bool IsAdministrator(this ClaimsPrincipal user) => user.IsInRole(AdministratorRole);
}
