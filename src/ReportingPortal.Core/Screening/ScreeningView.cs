namespace ReportingPortal.Core.Screening;

/// <summary>What the case page shows about screening. A class, not a positional record: Dapper maps a text[] column to a property only.</summary>
public sealed class ScreeningView
{
    public ScreeningState? State { get; init; }
    public string[] Reasons { get; init; } = [];
    public DateTime? DecidedAt { get; init; }

    /// <summary>Whether the viewer is a member of the screening queue, and so may release the report or mark it spam.</summary>
    public bool IsScreener { get; init; }
}
