namespace ReportingPortal.Benchmarks;

/// <summary>A steady mix of reports like the ones the portal gets: every category, some identified, a few urgent.</summary>
public static class TypicalReports
{
    private static readonly string[] Categories =
        ["Grooming", "Sextortion", "SharingSexualImages", "AbuseMaterialOnline", "AbuseInPerson", "Other"];

    // About 1.5 KB of text, so with the other fields a stored report is about 2 KB.
    private static readonly string Description = string.Join(' ', Enumerable.Repeat(
        "Someone has been sending messages to a child I know, asking for pictures and to keep it a secret.", 15));

    public static Dictionary<string, string> Number(int n, string? email = null)
    {
        var answers = new Dictionary<string, string>
        {
            ["Form.ReporterRole"] = n % 7 == 0 ? "ChildAboutThemselves" : "ParentOrCaregiver",
            ["Form.Category"] = Categories[n % Categories.Length],
            ["Form.Description"] = $"{Description} ({n})",
            ["Form.Urls"] = $"https://social.example/profile/user{n}\nhttps://social.example/messages/{n}",
            ["Form.Platform"] = "Example Social",
            ["Form.Usernames"] = $"user{n}",
            ["Form.Country"] = "FR",
            ["Form.Region"] = "Lyon",
            ["Form.When"] = "ThisWeek",
            ["Form.ChildAge"] = "From10To12",
            ["Form.ChildInDanger"] = n % 20 == 0 ? "Yes" : "No",
            ["Form.Contact"] = "Anonymous",
        };
        email ??= n % 2 == 0 ? $"reporter{n}@family.example" : null;
        if (email is not null)
        {
            answers["Form.Contact"] = "Email";
            answers["Form.ContactName"] = "Sam";
            answers["Form.ContactEmail"] = email;
        }
        return answers;
    }

    public static void FillIn(Dictionary<string, string> fields, Dictionary<string, string> answers)
    {
        foreach (var (name, value) in answers)
            fields[name] = value;
    }
}
