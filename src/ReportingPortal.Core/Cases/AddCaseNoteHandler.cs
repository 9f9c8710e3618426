using ReportingPortal.Core.Audit;
using ReportingPortal.Core.Encryption;

namespace ReportingPortal.Core.Cases;

/// <summary>Adds an internal note, which only the responders of the case's queues read. The audit line says a note was added, never what it says.</summary>
public sealed class AddCaseNoteHandler(CaseWork work)
{
    public Task<CaseActionResult> Handle(string reference, long accountId, string? note, CancellationToken cancellationToken)
    {
        var body = CaseText.Clean(note);
        if (body is null)
            return Task.FromResult(CaseActionResult.Invalid("Cases.Error.NoteEmpty"));
        if (body.Length > CaseText.NoteMaxLength)
            return Task.FromResult(CaseActionResult.Invalid("Cases.Error.NoteTooLong"));
        return work.Run(reference, accountId, AuditAction.NoteAdded, async step =>
        {
            if (step.ReportKey is not { } key)
                return CaseActionResult.Conflict("Cases.Error.ContentDeleted");
            await step.Execute("""
                insert into case_notes (report_id, author_account_id, body) values (@ReportId, @AccountId, @body);
                update cases set first_action_at = coalesce(first_action_at, now()), updated_at = now() where report_id = @ReportId;
                """, new { step.Case.ReportId, step.AccountId, body = key.Seal(body, SealedPurpose.CaseNote) });
            return await step.Audit(AuditAction.NoteAdded);
        }, cancellationToken);
    }
}
