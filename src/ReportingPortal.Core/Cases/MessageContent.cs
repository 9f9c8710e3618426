namespace ReportingPortal.Core.Cases;

/// <summary>What a message between a responder and the reporter says: stored only sealed with the report's data key.</summary>
public sealed record MessageContent(string Body, string[] Urls);
