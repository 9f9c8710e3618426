using ReportingPortal.Core.Audit;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Cases;

/// <summary>Moves an open case between New, In progress and Referred (see <see cref="CaseStatusChanges"/>).</summary>
public sealed class ChangeCaseStatusHandler(CaseWork work)
{
    public Task<CaseActionResult> Handle(string reference, long accountId, CaseStatus status, CancellationToken cancellationToken) =>
        work.Run(reference, accountId, AuditAction.CaseStatusChanged, async step =>
        {
            if (!step.Case.MayWorkOn(accountId))
                return CaseActionResult.NotAllowed("Cases.Error.OwnedByOther");
            if (step.Case.Status == CaseStatus.Closed)
                return CaseActionResult.Conflict("Cases.Error.Closed");
            if (!CaseStatusChanges.Allowed(step.Case.Status, status))
                return CaseActionResult.Invalid("Cases.Error.StatusNotAllowed");
            await step.Execute("""
                update cases set status = @Status, first_action_at = coalesce(first_action_at, now()), updated_at = now()
                where report_id = @ReportId
                """, new { Status = status.Stored(), step.Case.ReportId });
            return await step.Audit(AuditAction.CaseStatusChanged, $"{step.Case.Status.Stored()} -> {status.Stored()}");
        }, cancellationToken);
}
