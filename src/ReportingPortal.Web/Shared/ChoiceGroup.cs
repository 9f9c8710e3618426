namespace ReportingPortal.Web.Shared;

/// <summary>A set of radio buttons with its legend, hint and error, rendered by _ChoiceGroup.cshtml.</summary>
public sealed record ChoiceGroup(
    string Name,
    string Legend,
    string? Hint,
    IReadOnlyList<Choice> Choices,
    string? Selected,
    string? Error)
{
    public string Id => Name.Replace('.', '_');

    public string ChoiceId(Choice choice) => $"{Id}_{choice.Value}";
}
