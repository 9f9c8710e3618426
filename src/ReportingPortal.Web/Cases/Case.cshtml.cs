using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.FollowUp;
using ReportingPortal.Core.Forwarding;
using ReportingPortal.Core.Screening;
using ReportingPortal.Web.Accounts;

namespace ReportingPortal.Web.Cases;

/// <summary>
/// One case: the whole report, its signals, the case's state, the conversation with the reporter, notes, referrals,
/// mail and history, and the forms that act on it. A case outside the account's queues answers 404, as one that does
/// not exist.
/// </summary>
[Authorize(Policy = ConsoleAuthentication.AnyAccount)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class CaseModel(
    CaseQuery query,
    ReporterViewQuery reporterViews,
    TakeCaseHandler take,
    ReassignCaseHandler reassign,
    ChangeCaseStatusHandler changeStatus,
    CloseCaseHandler close,
    ReopenCaseHandler reopen,
    AddCaseNoteHandler addNote,
    SendMessageToReporterHandler sendMessage,
    ReferCaseHandler refer,
    CaseDocuments documents,
    ScreeningQuery screeningQuery,
    ReleaseScreenedReportHandler release,
    MarkScreenedReportSpamHandler markSpam,
    IOptions<CasesOptions> cases,
    IOptions<ForwardingOptions> forwarding) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Reference { get; set; } = "";
    [BindProperty] public long? NewOwner { get; set; }
    [BindProperty] public CaseStatus? NewStatus { get; set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public bool ShareOutcome { get; set; }
    [BindProperty] public CaseWriting? Writing { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? ReferTo { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public CaseView Case { get; private set; } = null!;

    public ScreeningView Screening { get; private set; } = null!;

    /// <summary>What the reporter sees when they open the report with its access code, in the report's language.</summary>
    public ReporterView ReporterSees { get; private set; } = null!;

    /// <summary>Why the last action was refused, as a key of the console's wording.</summary>
    public string? Problem { get; private set; }

    public IReadOnlyList<string> Outcomes => cases.Value.Outcomes;

    /// <summary>The directory's queues the case could be referred to: those it is not in yet.</summary>
    public IEnumerable<ForwardingQueue> ReferralQueues =>
        forwarding.Value.Queues.Where(queue => Case.Queues.All(held => held.Name != queue.Name));

    public string QueueName(string name) => forwarding.Value.DisplayNameOf(name);

    public bool MayWork => Case.Case.OwnerAccountId is null || Case.Case.OwnerAccountId == User.AccountId() || Case.IsSupervisor;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await Show(audit: true, cancellationToken) ?? Page();

    /// <summary>The case as its forward document (docs/schema/forward-v1.json), audited as a download; 404 as the page when the account may not see it.</summary>
    public async Task<IActionResult> OnGetJsonAsync(CancellationToken cancellationToken) =>
        await documents.OfCase(Reference, User.AccountId(), cancellationToken) is { } document
            ? File(document.ToUtf8(), ForwardDocument.MediaType, ForwardDocument.FileName(document.Reference))
            : NotFound();

    public Task<IActionResult> OnPostTakeAsync(CancellationToken cancellationToken) =>
        Act(() => take.Handle(Reference, User.AccountId(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReassignAsync(CancellationToken cancellationToken) =>
        Act(() => NewOwner is { } owner
            ? reassign.Handle(Reference, User.AccountId(), owner, cancellationToken)
            : Task.FromResult(CaseActionResult.Invalid("Cases.Error.ChooseOwner")), cancellationToken);

    public Task<IActionResult> OnPostStatusAsync(CancellationToken cancellationToken) =>
        Act(() => NewStatus is { } status
            ? changeStatus.Handle(Reference, User.AccountId(), status, cancellationToken)
            : Task.FromResult(CaseActionResult.Invalid("Cases.Error.StatusNotAllowed")), cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken cancellationToken) =>
        Act(() => close.Handle(Reference, User.AccountId(), Outcome, ShareOutcome, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(CancellationToken cancellationToken) =>
        Act(() => reopen.Handle(Reference, User.AccountId(), cancellationToken), cancellationToken);

    /// <summary>An internal note or a message to the reporter, as the responder chose; nothing is written without the choice.</summary>
    public Task<IActionResult> OnPostWriteAsync(CancellationToken cancellationToken) =>
        Act(() => Writing switch
        {
            CaseWriting.InternalNote => addNote.Handle(Reference, User.AccountId(), Note, cancellationToken),
            CaseWriting.MessageToReporter => sendMessage.Handle(Reference, User.AccountId(), Note, cancellationToken),
            _ => Task.FromResult(CaseActionResult.Invalid("Cases.Error.ChooseWriting")),
        }, cancellationToken);

    public Task<IActionResult> OnPostReferAsync(CancellationToken cancellationToken) =>
        Act(() => refer.Handle(Reference, User.AccountId(), ReferTo, Reason, cancellationToken), cancellationToken);

    /// <summary>Lets a screened report through: its held forwards are sent. Only members of the screening queue may.</summary>
    public Task<IActionResult> OnPostReleaseAsync(CancellationToken cancellationToken) =>
        Act(() => release.Handle(Reference, User.AccountId(), cancellationToken), cancellationToken);

    /// <summary>Closes a screened report as spam; nothing is forwarded. Only members of the screening queue may.</summary>
    public Task<IActionResult> OnPostSpamAsync(CancellationToken cancellationToken) =>
        Act(() => markSpam.Handle(Reference, User.AccountId(), cancellationToken), cancellationToken);

    /// <summary>Runs the action; after it the case page again (303), or the page with why it was refused.</summary>
    private async Task<IActionResult> Act(Func<Task<CaseActionResult>> action, CancellationToken cancellationToken)
    {
        var result = ModelState.IsValid ? await action() : CaseActionResult.Invalid("Cases.Error.BadInput");
        if (result.Succeeded)
        {
            Response.Headers.Location = Routes.CaseOf(Reference);
            return StatusCode(StatusCodes.Status303SeeOther);
        }
        if (result.Refusal == CaseRefusal.NotFound)
            return NotFound();
        Problem = result.Why;
        Response.StatusCode = result.Refusal switch
        {
            CaseRefusal.NotAllowed => StatusCodes.Status403Forbidden,
            CaseRefusal.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return await Show(audit: false, cancellationToken) ?? Page();
    }

    /// <summary>Loads the case; a 404 when the account may not see it.</summary>
    private async Task<IActionResult?> Show(bool audit, CancellationToken cancellationToken)
    {
        if (await query.Read(Reference, User.AccountId(), audit, cancellationToken) is not { } view)
            return NotFound();
        Case = view;
        Screening = await screeningQuery.Read(view.Report.Id, User.AccountId(), cancellationToken);
        ReporterSees = await reporterViews.Read(view.Report.Id, markRead: false, cancellationToken)
                       ?? throw new InvalidOperationException("A case's report could not be read back for the reporter's view.");
        return null;
    }
}
