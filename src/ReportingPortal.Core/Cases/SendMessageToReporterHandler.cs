using ReportingPortal.Core.Audit;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Encryption;
using ReportingPortal.Core.Reports;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Cases;

/// <summary>
/// Writes a message to the reporter, who reads it when they come back with their reference and access code. When the
/// report has an address that is safe to mail, the reporter is owed a notice that says only that there is a message
/// (topic: the message's id). The audit line says a message was sent, never what it says.
/// </summary>
public sealed class SendMessageToReporterHandler(CaseWork work)
{
    public Task<CaseActionResult> Handle(string reference, long accountId, string? message, CancellationToken cancellationToken)
    {
        var body = CaseText.Clean(message);
        if (body is null)
            return Task.FromResult(CaseActionResult.Invalid("Cases.Error.MessageEmpty"));
        if (body.Length > CaseText.NoteMaxLength)
            return Task.FromResult(CaseActionResult.Invalid("Cases.Error.MessageTooLong"));
        return work.Run(reference, accountId, AuditAction.MessageSentToReporter, async step =>
        {
            if (!step.Case.MayWorkOn(accountId))
                return CaseActionResult.NotAllowed("Cases.Error.OwnedByOther");
            if (step.Case.Status == CaseStatus.Closed)
                return CaseActionResult.Conflict("Cases.Error.ClosedToReporter");
            if (step.ReportKey is not { } key)
                return CaseActionResult.Conflict("Cases.Error.ContentDeleted");
            var messageId = await step.Single<long>("""
                insert into case_messages (report_id, direction, author_account_id, content)
                values (@ReportId, @ToReporter, @AccountId, @Content)
                returning id
                """, new
                {
                    step.Case.ReportId, ToReporter = MessageDirection.ToReporter.Stored(), step.AccountId,
                    Content = key.Seal(new MessageContent(body, []), SealedPurpose.CaseMessage),
                });
            // The notice's address is read from the report when it is sent; the row holds none.
            await step.Execute("""
                insert into mail_deliveries (report_id, kind, topic, priority, priority_rank)
                select id, @ReporterNotice, @Topic, @Priority, @PriorityRank from reports
                where id = @ReportId and contact_preference = @Email and email_wording is distinct from @NotSafe;
                update cases set first_action_at = coalesce(first_action_at, now()), updated_at = now() where report_id = @ReportId;
                """, new
                {
                    step.Case.ReportId, ReporterNotice = DeliveryKind.ReporterNotice.Stored(),
                    Topic = messageId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Priority = step.Case.Priority.Stored(), PriorityRank = step.Case.Priority.Rank(),
                    NotSafe = EmailWording.NotSafe.Stored(), Email = ContactPreference.Email.Stored(),
                });
            return await step.Audit(AuditAction.MessageSentToReporter);
        }, cancellationToken);
    }
}
