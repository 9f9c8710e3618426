using Microsoft.Extensions.Options;
using ReportingPortal.Core.Audit;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Retention;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Screening;

/// <summary>
/// Marks a screened report spam: its case is closed with the spam outcome (Retention:SpamOutcome, so its content goes
/// soon) and its held forwards are dropped, in the transaction of the decision and its audit line.
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
                set screening = @Spam, screening_decided_at = now(), held_queues = '{}', status = @Closed, outcome = @Outcome,
                    outcome_shared = false, closed_at = coalesce(closed_at, now()), first_action_at = coalesce(first_action_at, now()),
                    updated_at = now()
                where report_id = @ReportId
                """, new { Spam = ScreeningState.Spam.Stored(), Closed = CaseStatus.Closed.Stored(), Outcome = retention.Value.SpamOutcome,
                    step.Case.ReportId });
            await step.Execute("delete from mail_deliveries where report_id = @ReportId and status = @Held",
                new { step.Case.ReportId, Held = DeliveryStatus.Held.Stored() });
            return await step.Audit(AuditAction.ScreeningMarkedSpam, retention.Value.SpamOutcome);
        }, cancellationToken);
}
