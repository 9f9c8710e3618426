namespace ReportingPortal.Core.Reports;

/// <summary>The steps of the report form, in order, and the fields each one asks for.</summary>
public static class ReportSteps
{
    public const string You = "you";
    public const string What = "what";
    public const string Where = "where";
    public const string Child = "child";
    public const string Contact = "contact";
    public const string Check = "check";

    public static readonly string[] All = [You, What, Where, Child, Contact, Check];

    public static readonly IReadOnlyDictionary<string, string[]> Fields = new Dictionary<string, string[]>
    {
        [You] = [nameof(ReportForm.ReporterRole)],
        [What] = [nameof(ReportForm.Category), nameof(ReportForm.Description)],
        [Where] = [nameof(ReportForm.Urls), nameof(ReportForm.Platform), nameof(ReportForm.Usernames),
            nameof(ReportForm.Country), nameof(ReportForm.Region), nameof(ReportForm.When)],
        [Child] = [nameof(ReportForm.ChildAge), nameof(ReportForm.ChildInDanger)],
        [Contact] = [nameof(ReportForm.Contact), nameof(ReportForm.ContactName), nameof(ReportForm.ContactEmail),
            nameof(ReportForm.EmailWording)],
        [Check] = [],
    };

    public static string Normalise(string? step) => All.Contains(step) ? step! : You;

    public static string? Next(string step) => All.SkipWhile(s => s != step).Skip(1).FirstOrDefault();

    public static string? Previous(string step) => All.TakeWhile(s => s != step).LastOrDefault();

    public static string StepOf(string field) => Fields.First(step => step.Value.Contains(field)).Key;
}
