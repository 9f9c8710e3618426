namespace ReportingPortal.Core.Storage;

/// <summary>
/// The enums stored as text (delivery statuses and kinds, priorities, the report's choices) are stored as their
/// members' names, the text the tables' check constraints list. Queries take that text as a parameter, never spell
/// it in SQL; reading it back, Dapper parses the name into the enum.
/// </summary>
public static class StoredNames
{
    /// <summary>The text stored for <paramref name="value"/>. Dapper would pass an enum parameter as its number.</summary>
    public static string Stored<TEnum>(this TEnum value) where TEnum : struct, Enum => value.ToString();
}
