using Microsoft.Extensions.Options;
using ReportingPortal.Core.Audit;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.Retention;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Screening;

/// <summary>
/// Marks a screened report spam: its case is closed with the spam outcome (Retention:SpamOutcome, so its content goes
/// soon), in the transaction of the decision and its audit line. Its forwards stay held, never sent: a report marked
/// spam by mistake can be reopened, which puts it back in screening, and released (retention drops them with the content).
/// </summary>
public sealed class MarkScreenedReportSpamHandler(CaseWork work, IOptions<ScreeningOptions> options, IOptions<RetentionOptions> retention)
{
    public Task<CaseActionResult> Handle(string reference, long accountId, CancellationToken cancellationToken) =>
        work.Run(reference, accountId, AuditAction.ScreeningMarkedSpam, async step =>
        {
            var screened = await ScreenedCase.Load(step, options.Value.Queue);
            if (screened.Refusal(ScreeningState.Spam) is { } refusal)
                return refusal;
            await step.Execute("""
                update cases
                set screening = @Spam, screening_decided_at = now(), status = @Closed, outcome = @Outcome,
                    outcome_shared = false, closed_at = coalesce(closed_at, now()), first_action_at = coalesce(first_action_at, now()),
                    updated_at = now()
                where report_id = @ReportId
                """, new { Spam = ScreeningState.Spam.Stored(), Closed = CaseStatus.Closed.Stored(), Outcome = retention.Value.SpamOutcome,
                    step.Case.ReportId });
            return await step.Audit(AuditAction.ScreeningMarkedSpam, retention.Value.SpamOutcome);
        }, cancellationToken);
}
