namespace ReportingPortal.Core.FollowUp;

/// <param name="ReportId">The report opened, when <see cref="Result"/> is Opened.</param>
/// <param name="Language">The report's language, to show the reporter's pages in it, when opened.</param>
/// <param name="LockedUntil">When the reference may be tried again, when locked.</param>
public sealed record AccessCodeOutcome(AccessCodeResult Result, long? ReportId = null, string? Language = null, DateTimeOffset? LockedUntil = null)
{
    public static AccessCodeOutcome Opened(long reportId, string language) => new(AccessCodeResult.Opened, reportId, language);

    public static readonly AccessCodeOutcome Refused = new(AccessCodeResult.Refused);

    public static AccessCodeOutcome Locked(DateTimeOffset until) => new(AccessCodeResult.Locked, LockedUntil: until);
}
