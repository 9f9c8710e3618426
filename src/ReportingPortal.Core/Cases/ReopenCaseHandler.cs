using ReportingPortal.Core.Audit;
using ReportingPortal.Core.Screening;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Cases;

/// <summary>
/// Reopens a closed case: it goes back in progress, without its outcome, which the reporter is no longer told. A report
/// marked spam in screening goes back to waiting for screening, its forwards still held, so a screener can release it.
/// </summary>
public sealed class ReopenCaseHandler(CaseWork work)
{
    public Task<CaseActionResult> Handle(string reference, long accountId, CancellationToken cancellationToken) =>
        work.Run(reference, accountId, AuditAction.CaseReopened, async step =>
        {
            if (!step.Case.MayWorkOn(accountId))
                return CaseActionResult.NotAllowed("Cases.Error.OwnedByOther");
            if (step.Case.Status != CaseStatus.Closed)
                return CaseActionResult.Conflict("Cases.Error.NotClosed");
            await step.Execute("""
                update cases set status = @InProgress, outcome = null, outcome_shared = false, closed_at = null, updated_at = now(),
                    screening = case when screening = @Spam then @Waiting else screening end,
                    screening_decided_at = case when screening = @Spam then null else screening_decided_at end
                where report_id = @ReportId
                """, new { InProgress = CaseStatus.InProgress.Stored(), step.Case.ReportId,
                    Spam = ScreeningState.Spam.Stored(), Waiting = ScreeningState.Waiting.Stored() });
            return await step.Audit(AuditAction.CaseReopened, CaseStatus.InProgress.Stored());
        }, cancellationToken);
}
