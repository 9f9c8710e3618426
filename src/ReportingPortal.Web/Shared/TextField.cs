namespace ReportingPortal.Web.Shared;

/// <summary>A labelled text input or text area with its hint and error, rendered by _TextField.cshtml.</summary>
public sealed record TextField(
    string Name,
    string Label,
    string? Hint,
    string? Value,
    string? Error,
    int MaxLength,
    bool Multiline = false,
    string InputType = "text",
    string? AutoComplete = null)
{
    public string Id => Name.Replace('.', '_');

    public string? DescribedBy =>
        string.Join(' ', new[] { Hint is null ? null : $"{Id}-hint", Error is null ? null : $"{Id}-error" }.OfType<string>()) is { Length: > 0 } ids
            ? ids
            : null;
}
