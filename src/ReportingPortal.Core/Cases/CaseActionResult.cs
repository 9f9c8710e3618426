namespace ReportingPortal.Core.Cases;

/// <summary>What came of an action on a case. A refusal says why with a key of the console's wording.</summary>
public sealed record CaseActionResult(CaseRefusal? Refusal, string? Why)
{
    public static readonly CaseActionResult Done = new(null, null);

    public static readonly CaseActionResult NotFound = new(CaseRefusal.NotFound, "Cases.Error.NotFound");

    public bool Succeeded => Refusal is null;

    public static CaseActionResult NotAllowed(string why) => new(CaseRefusal.NotAllowed, why);

    public static CaseActionResult Conflict(string why) => new(CaseRefusal.Conflict, why);

    public static CaseActionResult Invalid(string why) => new(CaseRefusal.Invalid, why);
}
