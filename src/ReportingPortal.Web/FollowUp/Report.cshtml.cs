using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ReportingPortal.Core.FollowUp;
using ReportingPortal.Web.Errors;
using ReportingPortal.Web.RateLimiting;

namespace ReportingPortal.Web.FollowUp;

/// <summary>
/// The reporter's report, opened with its access code: where it stands, the messages both ways, a reply form while it
/// is open, and "Leave". Without a live session it goes back to /follow-up and says nothing more.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
[EnableRateLimiting(RateLimitPolicies.ReportSteps)]
public sealed class ReportModel(
    ReporterSessions sessions,
    ReporterCookie cookie,
    ReporterViewQuery views,
    AddReporterMessageHandler replies,
    ILogger<ReportModel> logger)
    : PageModel
{
    public ReporterView View { get; private set; } = null!;

    [BindProperty]
    public ReporterReply Reply { get; set; } = new();

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    /// <summary>The reporter's message has just been sent.</summary>
    public bool Sent { get; private set; }

    /// <summary>A message was sent after the case was closed.</summary>
    public bool RefusedAsClosed { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool sent, CancellationToken cancellationToken)
    {
        if (await Session(cancellationToken) is not { } reportId || await views.Read(reportId, markRead: true, cancellationToken) is not { } view)
            return BackToStart();
        View = view;
        Sent = sent;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await Session(cancellationToken) is not { } reportId)
            return BackToStart();
        var result = await replies.Handle(reportId, Reply, cancellationToken);
        if (result.Outcome == ReplyOutcome.Sent)
            return SeeOther(Routes.FollowUpReport + "?sent=true");
        if (result.Outcome == ReplyOutcome.NotFound || await views.Read(reportId, markRead: false, cancellationToken) is not { } view)
            return BackToStart();
        View = view;
        Errors = result.Errors;
        RefusedAsClosed = result.Outcome == ReplyOutcome.Closed;
        Response.StatusCode = RefusedAsClosed ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostLeaveAsync(CancellationToken cancellationToken)
    {
        // The cookie goes even when the database is away: the session then ends when idle.
        cookie.Delete(HttpContext);
        try
        {
            await sessions.End(cookie.Read(HttpContext), cancellationToken);
        }
        catch (Exception exception) when (DatabaseUnavailable.Is(exception))
        {
            logger.LogWarning("A reporter's session could not be ended on leaving ({Failure}); it ends when idle", exception.GetType().Name);
        }
        return SeeOther(Routes.FollowUp + "?left=true");
    }

    private Task<long?> Session(CancellationToken cancellationToken) => sessions.Find(cookie.Read(HttpContext), cancellationToken);

    private StatusCodeResult BackToStart()
    {
        cookie.Delete(HttpContext);
        return SeeOther(Routes.FollowUp);
    }

    private StatusCodeResult SeeOther(string location)
    {
        Response.Headers.Location = location;
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
