using ReportingPortal.Core.Accounts;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Screening;

/// <summary>A case as a screening decision sees it, read under the lock <see cref="CaseWork"/> holds on the case.</summary>
public sealed class ScreenedCase
{
    public ScreeningState? Screening { get; init; }
    public string[] HeldQueues { get; init; } = [];

    /// <summary>Whether the account is a member (responder or supervisor) of the screening queue.</summary>
    public bool IsScreener { get; init; }

    public static Task<ScreenedCase> Load(CaseWork.Step step, string screeningQueue) =>
        step.Single<ScreenedCase>("""
            select c.screening, c.held_queues as HeldQueues,
                   exists (select 1 from account_queues aq where aq.account_id = @AccountId and aq.queue = @screeningQueue) as IsScreener
            from cases c where c.report_id = @ReportId
            """, new { step.AccountId, screeningQueue, step.Case.ReportId });

    /// <summary>Who may decide: a member of the screening queue, on a case that was screened and not yet decided
    /// otherwise. The same decision again (a double click, two screeners at once) is done already: nothing changes.</summary>
    public CaseActionResult? Refusal(ScreeningState decision) =>
        !IsScreener ? CaseActionResult.NotAllowed("Cases.Error.NotScreener")
        : Screening is null ? CaseActionResult.Conflict("Cases.Error.NotScreened")
        : Screening == decision ? CaseActionResult.Done
        : Screening != ScreeningState.Waiting ? CaseActionResult.Conflict("Cases.Error.AlreadyScreened")
        : null;
}
