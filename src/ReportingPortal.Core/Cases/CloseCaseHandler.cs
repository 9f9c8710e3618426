using Microsoft.Extensions.Options;
using ReportingPortal.Core.Audit;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Cases;

/// <summary>
/// Closes an open case with one of the outcomes in Cases:Outcomes; <c>shareOutcome</c> says whether the reporter, when they
/// come back, is told the outcome in plain words.
/// </summary>
public sealed class CloseCaseHandler(CaseWork work, IOptions<CasesOptions> options)
{
    public Task<CaseActionResult> Handle(string reference, long accountId, string? outcome, bool shareOutcome, CancellationToken cancellationToken) =>
        work.Run(reference, accountId, AuditAction.CaseClosed, async step =>
        {
            if (!step.Case.MayWorkOn(accountId))
                return CaseActionResult.NotAllowed("Cases.Error.OwnedByOther");
            if (step.Case.Status == CaseStatus.Closed)
                return CaseActionResult.Conflict("Cases.Error.Closed");
            if (outcome is null || !options.Value.Outcomes.Contains(outcome, StringComparer.Ordinal))
                return CaseActionResult.Invalid("Cases.Error.UnknownOutcome");
            await step.Execute("""
                update cases
                set status = @Closed, outcome = @outcome, outcome_shared = @shareOutcome, closed_at = now(),
                    first_action_at = coalesce(first_action_at, now()), updated_at = now()
                where report_id = @ReportId
                """, new { Closed = CaseStatus.Closed.Stored(), outcome, shareOutcome, step.Case.ReportId });
            return await step.Audit(AuditAction.CaseClosed, outcome);
        }, cancellationToken);
}
