using ReportingPortal.Core.Audit;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Cases;

/// <summary>A supervisor of one of the case's queues gives it to an account of one of its queues.</summary>
public sealed class ReassignCaseHandler(CaseWork work)
{
    public Task<CaseActionResult> Handle(string reference, long accountId, long newOwnerAccountId, CancellationToken cancellationToken) =>
        work.Run(reference, accountId, AuditAction.CaseReassigned, async step =>
        {
            if (!step.Case.IsSupervisor)
                return CaseActionResult.NotAllowed("Cases.Error.SupervisorsOnly");
            if (step.Case.Status == CaseStatus.Closed)
                return CaseActionResult.Conflict("Cases.Error.Closed");
            if (step.Case.OwnerAccountId == newOwnerAccountId)
                return CaseActionResult.Invalid("Cases.Error.SameOwner");
            var reassigned = await step.Execute("""
                update cases set owner_account_id = @newOwnerAccountId, updated_at = now()
                where report_id = @ReportId
                  and exists (select 1 from case_queues cq
                              join account_queues aq on aq.queue = cq.queue
                              join accounts a on a.id = aq.account_id
                              where cq.report_id = @ReportId and aq.account_id = @newOwnerAccountId and a.disabled_at is null)
                """, new { step.Case.ReportId, newOwnerAccountId });
            if (reassigned == 0)
                return CaseActionResult.Invalid("Cases.Error.OwnerNotInQueues");
            return await step.Audit(AuditAction.CaseReassigned, subjectAccountId: newOwnerAccountId);
        }, cancellationToken);
}
