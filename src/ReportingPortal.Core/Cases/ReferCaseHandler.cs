using Microsoft.Extensions.Options;
using ReportingPortal.Core.Audit;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Encryption;
using ReportingPortal.Core.Forwarding;
using ReportingPortal.Core.Reports;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Cases;

/// <summary>
/// Refers a case to another queue of the directory: the queue joins the case, the referral records who, when and
/// why, and each of the queue's addresses is owed the referral email (topic: the referral's id).
/// </summary>
public sealed class ReferCaseHandler(CaseWork work, IOptions<ForwardingOptions> forwarding)
{
    public Task<CaseActionResult> Handle(string reference, long accountId, string? queueName, string? reason, CancellationToken cancellationToken)
    {
        var queue = forwarding.Value.Queues.FirstOrDefault(candidate => candidate.Name == queueName);
        var why = CaseText.Clean(reason);
        if (queue is null)
            return Task.FromResult(CaseActionResult.Invalid("Cases.Error.UnknownQueue"));
        if (why is null)
            return Task.FromResult(CaseActionResult.Invalid("Cases.Error.ReasonEmpty"));
        if (why.Length > CaseText.ReasonMaxLength)
            return Task.FromResult(CaseActionResult.Invalid("Cases.Error.ReasonTooLong"));
        return work.Run(reference, accountId, AuditAction.CaseReferred, async step =>
        {
            if (!step.Case.MayWorkOn(accountId))
                return CaseActionResult.NotAllowed("Cases.Error.OwnedByOther");
            if (step.Case.Status == CaseStatus.Closed)
                return CaseActionResult.Conflict("Cases.Error.Closed");
            if (step.ReportKey is not { } key)
                return CaseActionResult.Conflict("Cases.Error.ContentDeleted");
            var joined = await step.Execute("""
                insert into case_queues (report_id, queue, how) values (@ReportId, @Queue, @Referred)
                on conflict (report_id, queue) do nothing
                """, new { step.Case.ReportId, Queue = queue.Name, Referred = QueueHow.Referred.Stored() });
            if (joined == 0)
                return CaseActionResult.Invalid("Cases.Error.AlreadyInQueue");
            // The referring queue is the first of the referrer's queues that holds the case.
            var referralId = await step.Single<long>("""
                insert into referrals (report_id, queue, reason, referred_by, from_queue)
                values (@ReportId, @Queue, @why, @AccountId,
                        (select min(cq.queue) from case_queues cq join account_queues aq on aq.queue = cq.queue
                         where cq.report_id = @ReportId and aq.account_id = @AccountId and cq.queue <> @Queue))
                returning id
                """, new { step.Case.ReportId, Queue = queue.Name, why = key.Seal(why, SealedPurpose.ReferralReason), step.AccountId });
            await step.Execute("""
                insert into mail_deliveries (report_id, kind, queue, recipient, topic, priority, priority_rank)
                select @ReportId, @Referral, @Queue, recipient, @Topic, @Priority, @PriorityRank
                from unnest(@Recipients) as recipient;
                update cases set status = @ReferredStatus, first_action_at = coalesce(first_action_at, now()), updated_at = now()
                where report_id = @ReportId;
                """, new
                {
                    step.Case.ReportId, Referral = DeliveryKind.Referral.Stored(), Queue = queue.Name,
                    Recipients = queue.Addresses.Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
                    Topic = referralId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Priority = step.Case.Priority.Stored(), PriorityRank = step.Case.Priority.Rank(),
                    ReferredStatus = CaseStatus.Referred.Stored(),
                });
            return await step.Audit(AuditAction.CaseReferred, queue.Name);
        }, cancellationToken);
    }
}
