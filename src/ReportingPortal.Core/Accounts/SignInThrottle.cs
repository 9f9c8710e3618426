namespace ReportingPortal.Core.Accounts;

/// <summary>
/// How long an account is blocked after consecutive failed sign-ins: from the fifth, one minute, doubling with each
/// further failure, never more than fifteen, so a stranger cannot lock a responder out for long.
/// </summary>
public static class SignInThrottle
{
    public const int FailuresBeforeBlock = 5;
    public static readonly TimeSpan FirstBlock = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestBlock = TimeSpan.FromMinutes(15);

    /// <summary>The block that follows the <paramref name="failures"/>th consecutive failure; null when there is none.</summary>
    public static TimeSpan? BlockAfter(int failures)
    {
        if (failures < FailuresBeforeBlock)
            return null;
        var doublings = Math.Min(failures - FailuresBeforeBlock, 4);
        var block = FirstBlock * Math.Pow(2, doublings);
        return block < LongestBlock ? block : LongestBlock;
    }
}
