using Microsoft.Extensions.Localization;
using ReportingPortal.Core.Accounts;

namespace ReportingPortal.Web.Accounts;

/// <summary>An account's state in words: disabled, active, or invited (with when its link expires).</summary>
public static class AccountState
{
    public static string Of(AccountSummary account, IStringLocalizer<ConsoleText> text) =>
        account.DisabledAt is not null ? text["Accounts.Disabled"]
        : account.LinkExpiresAt is { } expires ? text["Accounts.LinkSent", expires.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)]
        : account.EnrolledAt is not null ? text["Accounts.Active"]
        : text["Accounts.LinkExpired"];
}
