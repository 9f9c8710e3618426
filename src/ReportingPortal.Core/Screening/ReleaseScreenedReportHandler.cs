using Microsoft.Extensions.Options;
using ReportingPortal.Core.Audit;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Screening;

/// <summary>
/// Lets a screened report through: the case joins the queues its routing rules chose and its held forwards are sent,
/// in the transaction of the decision and its audit line. A report forwarded at once (a child in danger now) only
/// leaves the screening list.
/// </summary>
public sealed class ReleaseScreenedReportHandler(CaseWork work, IOptions<ScreeningOptions> options)
{
    public Task<CaseActionResult> Handle(string reference, long accountId, CancellationToken cancellationToken) =>
        work.Run(reference, accountId, AuditAction.ScreeningReleased, async step =>
        {
            var screened = await ScreenedCase.Load(step, options.Value.Queue);
            if (screened.Refusal(ScreeningState.Released) is { } refusal)
                return refusal;
            await step.Execute("""
                update cases set screening = @Released, screening_decided_at = now(), held_queues = '{}', updated_at = now()
                where report_id = @ReportId
                """, new { Released = ScreeningState.Released.Stored(), step.Case.ReportId });
            await step.Execute("""
                insert into case_queues (report_id, queue, how)
                select @ReportId, queue, @Routed from unnest(@HeldQueues) as queue
                on conflict do nothing
                """, new { step.Case.ReportId, screened.HeldQueues, Routed = QueueHow.Routed.Stored() });
            await step.Execute("""
                update mail_deliveries set status = @Pending, next_attempt_at = now()
                where report_id = @ReportId and status = @Held
                """, new { step.Case.ReportId, Pending = DeliveryStatus.Pending.Stored(), Held = DeliveryStatus.Held.Stored() });
            return await step.Audit(AuditAction.ScreeningReleased, screened.HeldQueues.Length == 0 ? null : string.Join(", ", screened.HeldQueues));
        }, cancellationToken);
}
