namespace ReportingPortal.Core.FollowUp;

/// <param name="Errors">By field (Message, Urls): what to change, in the reporter's wording.</param>
public sealed record ReplyResult(ReplyOutcome Outcome, IReadOnlyDictionary<string, string> Errors)
{
    public static ReplyResult Of(ReplyOutcome outcome) => new(outcome, new Dictionary<string, string>());
}
