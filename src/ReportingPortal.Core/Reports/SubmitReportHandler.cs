using ReportingPortal.Core.Storage;
using Dapper;
using Npgsql;
using ReportingPortal.Core.Email;
using Microsoft.Extensions.Options;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.Encryption;
using ReportingPortal.Core.Forwarding;
using ReportingPortal.Core.Linking;
using ReportingPortal.Core.Monitoring;
using ReportingPortal.Core.Screening;

namespace ReportingPortal.Core.Reports;

/// <summary>
/// Stores a report, its case and the mail owed for it (acknowledgement, forwards) in one transaction, so a report the
/// site said it received always gets its mail. Sending the same form again stores nothing and returns the report
/// already stored, marked as such. A screened report waits in the screening queue with its forwards held, unless a
/// child is in danger now: then it is forwarded at once and waits for screening as well.
/// </summary>
public sealed class SubmitReportHandler(
    NpgsqlDataSource database,
    ReceiptCodes codes,
    Router router,
    KeyRing keys,
    LinkFingerprints linkFingerprints,
    IOptions<CasesOptions> cases,
    IOptions<ScreeningOptions> screening,
    PortalMetrics metrics,
    ILogger<SubmitReportHandler> logger)
{
    private const string UniqueViolation = "23505";

    public async Task<SubmittedReport> Handle(ReportForm form, ReportSignals signals, IReadOnlyCollection<ScreeningReason> screeningReasons,
        string language, CancellationToken cancellationToken)
    {
        var formKeyHash = ReceiptCodes.HashFormKey(form.FormKey);
        var accessCodeHash = codes.HashAccessCode(codes.AccessCodeFor(form.FormKey));
        var anonymous = form.Contact == ContactPreference.Anonymous;
        var wording = anonymous ? (EmailWording?)null : form.EmailWording ?? EmailWording.Neutral;
        var priority = Priorities.For(form.ReporterRole!.Value, form.Category!.Value, form.ChildInDanger!.Value);
        var country = Optional(form.Country);
        var queues = router.QueuesFor(form.Category.Value, country, priority).ToList();
        var forwards = queues
            .SelectMany(queue => queue.Addresses.Select(address => (Queue: queue.Name, Recipient: address)))
            .DistinctBy(forward => forward.Recipient) // an address in two queues gets one copy
            .ToList();
        var screened = screening.Value.Enabled && screeningReasons.Count > 0;
        var held = screened && ScreeningDecision.HoldsForwards(screeningReasons, form.ChildInDanger.Value);
        var caseQueues = (held ? [] : queues.Select(queue => (Name: queue.Name, How: QueueHow.Routed)))
            .Concat(screened ? [(Name: screening.Value.Queue, How: QueueHow.Screening)] : [])
            .DistinctBy(queue => queue.Name)
            .ToList();

        var content = new ReportContent(form.UrlList().ToArray(), Optional(form.Platform), Optional(form.Usernames), Optional(form.Region),
            form.Description!.Trim(), anonymous ? null : Optional(form.ContactName), anonymous ? null : Optional(form.ContactEmail));

        var fingerprints = linkFingerprints.Of(content.Urls);

        // A new reference can collide with an old one (40 random bits); then try again with another.
        for (var attempt = 1; ; attempt++)
        {
            var reference = ReceiptCodes.NewReference();
            var key = keys.NewReportKey(reference);
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            try
            {
                // One statement, so the report, its case and the mail it is owed commit together, in one round trip.
                var stored = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition("""
                    with report as (
                        insert into reports (reference, access_code_hash, form_key_hash, language, reporter_role, category,
                                             country, occurred, child_age_range, child_in_danger, contact_preference,
                                             key_id, data_key, content, link_fingerprints, email_wording,
                                             priority, captcha_verified, honeypot_filled, seconds_to_fill, screening_reasons)
                        values (@Reference, @AccessCodeHash, @FormKeyHash, @Language, @ReporterRole, @Category,
                                @Country, @When, @ChildAge, @ChildInDanger, @Contact,
                                @KeyId, @WrappedKey, @Content, @LinkFingerprints, @EmailWording,
                                @Priority, @CaptchaVerified, @HoneypotFilled, @SecondsToFill, @ScreeningReasons)
                        on conflict (form_key_hash) do nothing
                        returning id, reference
                    ),
                    new_case as (
                        insert into cases (report_id, priority_rank, first_action_due, feedback_due, screening, held_queues)
                        select id, @PriorityRank, now() + @FirstActionDue, now() + @FeedbackDue, @Screening, @HeldQueues from report
                    ),
                    case_queues as (
                        insert into case_queues (report_id, queue, how)
                        select report.id, queue.name, queue.how from report cross join unnest(@CaseQueues, @CaseQueueHows) as queue (name, how)
                    ),
                    acknowledgement as (
                        insert into mail_deliveries (report_id, kind, priority, priority_rank)
                        select id, @Acknowledgement, @Priority, @PriorityRank from report where @Acknowledge
                    ),
                    forwards as (
                        insert into mail_deliveries (report_id, kind, queue, recipient, priority, priority_rank, status)
                        select report.id, @Forward, forward.queue, forward.recipient, @Priority, @PriorityRank, @ForwardStatus
                        from report cross join unnest(@Queues, @Recipients) as forward (queue, recipient)
                    )
                    select reference from report
                    """,
                    new
                    {
                        Reference = reference,
                        AccessCodeHash = accessCodeHash,
                        FormKeyHash = formKeyHash,
                        Language = language,
                        ReporterRole = form.ReporterRole!.Value.ToString(),
                        Category = form.Category!.Value.ToString(),
                        Country = country,
                        When = form.When!.Value.ToString(),
                        ChildAge = form.ChildAge!.Value.ToString(),
                        ChildInDanger = form.ChildInDanger!.Value.ToString(),
                        Contact = form.Contact!.Value.ToString(),
                        key.KeyId,
                        key.WrappedKey,
                        Content = key.Seal(content, SealedPurpose.ReportContent),
                        LinkFingerprints = fingerprints,
                        Priority = priority.Stored(),
                        PriorityRank = priority.Rank(),
                        Acknowledgement = DeliveryKind.Acknowledgement.Stored(),
                        Forward = DeliveryKind.Forward.Stored(),
                        EmailWording = wording?.ToString(),
                        // Not safe to email: the reporter keeps the on-screen receipt and gets no mail.
                        Acknowledge = wording is EmailWording.Neutral or EmailWording.Plain,
                        Queues = forwards.Select(forward => forward.Queue).ToArray(),
                        CaseQueues = caseQueues.Select(queue => queue.Name).ToArray(),
                        CaseQueueHows = caseQueues.Select(queue => queue.How.Stored()).ToArray(),
                        Screening = screened ? ScreeningState.Waiting.Stored() : null,
                        HeldQueues = held ? queues.Select(queue => queue.Name).Distinct().ToArray() : [],
                        ScreeningReasons = screened ? screeningReasons.Select(reason => reason.Stored()).ToArray() : [],
                        ForwardStatus = (held ? DeliveryStatus.Held : DeliveryStatus.Pending).Stored(),
                        FirstActionDue = cases.Value.FirstActionDue[priority],
                        cases.Value.FeedbackDue,
                        Recipients = forwards.Select(forward => forward.Recipient).ToArray(),
                        signals.CaptchaVerified,
                        signals.HoneypotFilled,
                        signals.SecondsToFill,
                    },
                    cancellationToken: cancellationToken));

                // Null when this form was sent before: the mail owed for it was recorded then.
                if (stored is not null)
                {
                    metrics.ReportReceived(priority);
                    if (screened)
                        metrics.ReportScreened(screeningReasons);
                    return new SubmittedReport(stored, AlreadyReceived: false);
                }
                return new SubmittedReport(await connection.QuerySingleAsync<string>(new CommandDefinition(
                        "select reference from reports where form_key_hash = @FormKeyHash",
                        new { FormKeyHash = formKeyHash }, cancellationToken: cancellationToken)), AlreadyReceived: true);
            }
            catch (PostgresException exception) when (exception.SqlState == UniqueViolation
                                                       && exception.ConstraintName == "reports_reference_key"
                                                       && attempt < 5)
            {
                logger.LogWarning("A new report reference collided with an existing one; choosing another");
            }
        }
    }

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
