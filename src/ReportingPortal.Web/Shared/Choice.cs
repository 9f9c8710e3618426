namespace ReportingPortal.Web.Shared;

public sealed record Choice(string Value, string Label, string? Hint = null);
