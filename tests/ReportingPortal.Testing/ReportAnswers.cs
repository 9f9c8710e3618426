namespace ReportingPortal.Testing;

/// <summary>Answers to the report form as a browser sends them.</summary>
public static class ReportAnswers
{
    public static Dictionary<string, string> Anonymous(string description = "A user keeps messaging my little brother and asks him to keep it secret.") => new()
    {
        ["Form.ReporterRole"] = "ParentOrCaregiver",
        ["Form.Category"] = "Grooming",
        ["Form.Description"] = description,
        ["Form.Urls"] = "https://social.example/profile/stranger123",
        ["Form.Platform"] = "Example Social",
        ["Form.Usernames"] = "stranger123",
        ["Form.Country"] = "FR",
        ["Form.Region"] = "Lyon",
        ["Form.When"] = "ThisWeek",
        ["Form.ChildAge"] = "From10To12",
        ["Form.ChildInDanger"] = "No",
        ["Form.Contact"] = "Anonymous",
    };

    public static Dictionary<string, string> Identified(string email = "parent@example.org")
    {
        var answers = Anonymous();
        answers["Form.Contact"] = "Email";
        answers["Form.ContactName"] = "Sam Parent";
        answers["Form.ContactEmail"] = email;
        return answers;
    }

    public static Dictionary<string, string> With(this Dictionary<string, string> answers, string field, string value)
    {
        answers[$"Form.{field}"] = value;
        return answers;
    }

    public static Dictionary<string, string> Without(this Dictionary<string, string> answers, string field)
    {
        answers.Remove($"Form.{field}");
        return answers;
    }
}
