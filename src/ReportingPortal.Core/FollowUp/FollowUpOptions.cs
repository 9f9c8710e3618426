using System.ComponentModel.DataAnnotations;

namespace ReportingPortal.Core.FollowUp;

/// <summary>How a reporter's way back is guarded: the lock on a reference after wrong codes, and the short session after a right one.</summary>
public sealed class FollowUpOptions
{
    public const string Section = "FollowUp";

    /// <summary>Wrong access codes for one reference, within <see cref="LockWindow"/>, that lock it.</summary>
    [Range(1, 1000, ErrorMessage = "FollowUp:LockAfter must be between 1 and 1000 wrong codes.")]
    public int LockAfter { get; set; } = 10;

    public TimeSpan LockWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a locked reference answers only "try again later", even to the right code.</summary>
    public TimeSpan LockFor { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A reporter's session ends when it is not used for this long.</summary>
    public TimeSpan SessionIdle { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A reporter's session ends this long after the code was typed, however much it is used.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(2);

    public bool IsValid() =>
        LockWindow > TimeSpan.Zero && LockFor > TimeSpan.Zero && SessionIdle > TimeSpan.Zero && SessionLifetime >= SessionIdle;
}
