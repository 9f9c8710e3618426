using ReportingPortal.Core.Audit;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Cases;

/// <summary>Makes the account the case's one owner, when nobody owns it yet; a new case goes in progress.</summary>
public sealed class TakeCaseHandler(CaseWork work)
{
    public Task<CaseActionResult> Handle(string reference, long accountId, CancellationToken cancellationToken) =>
        work.Run(reference, accountId, AuditAction.CaseTaken, async step =>
        {
            // Conditional, so of two responders taking the case at once only one wins.
            var taken = await step.Execute("""
                update cases
                set owner_account_id = @AccountId,
                    status = case when status = @New then @InProgress else status end,
                    first_action_at = coalesce(first_action_at, now()), updated_at = now()
                where report_id = @ReportId and owner_account_id is null and status <> @Closed
                """, new
                {
                    step.AccountId, step.Case.ReportId, New = CaseStatus.New.Stored(),
                    InProgress = CaseStatus.InProgress.Stored(), Closed = CaseStatus.Closed.Stored(),
                });
            if (taken == 0)
                return CaseActionResult.Conflict(step.Case.Status == CaseStatus.Closed ? "Cases.Error.Closed" : "Cases.Error.AlreadyTaken");
            return await step.Audit(AuditAction.CaseTaken, subjectAccountId: step.AccountId);
        }, cancellationToken);
}
