using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using ReportingPortal.Core.Audit;
using ReportingPortal.Core.Email;
using ReportingPortal.Core.Encryption;
using ReportingPortal.Core.Linking;

namespace ReportingPortal.Core.Cases;

/// <summary>
/// Reads a case for the case page, when it is in one of the account's queues; every view is audited, and so is every
/// refusal. Null when the account may not see it (or there is no such case): the page answers as if there were none.
/// </summary>
public sealed class CaseQuery(NpgsqlDataSource database, KeyRing keys, IOptions<LinkingOptions> linking)
{
    /// <summary>The most recent lines of the case's history shown.</summary>
    public const int HistoryLength = 200;

    /// <summary>The most recent linked reports shown.</summary>
    public const int LinkedShown = 100;

    public async Task<CaseView?> Read(string reference, long accountId, bool audit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var access = await CaseAccess.Load(connection, null, reference, accountId, lockCase: false, cancellationToken);
        if (access is not { IsMember: true })
        {
            await AuditLog.Write(connection, null, new AuditEntry(AuditAction.CaseViewRefused, accountId, access?.ReportId), cancellationToken);
            return null;
        }
        if (audit)
            await AuditLog.Write(connection, null, new AuditEntry(AuditAction.CaseViewed, accountId, access.ReportId), cancellationToken);

        var id = access.ReportId;
        var report = (await ReportForMail.Load(connection, keys, [id], cancellationToken))[id];
        var key = access is { KeyId: not null, DataKey: not null } ? keys.Open(access.Reference, access.KeyId, access.DataKey) : null;
        using var rows = await connection.QueryMultipleAsync(new CommandDefinition("""
            select c.status, c.outcome, c.owner_account_id as OwnerAccountId, a.display_name as OwnerName,
                   c.first_action_due as FirstActionDue, c.feedback_due as FeedbackDue,
                   c.first_action_at as FirstActionAt, c.closed_at as ClosedAt, c.outcome_shared as OutcomeShared
            from cases c left join accounts a on a.id = c.owner_account_id where c.report_id = @id;

            select queue as Name, how, added_at as AddedAt from case_queues where report_id = @id order by added_at, queue;

            select a.display_name as Author, n.body as Sealed, n.created_at as CreatedAt
            from case_notes n join accounts a on a.id = n.author_account_id where n.report_id = @id order by n.id;

            select m.id, m.direction, a.display_name as Author, m.content as Sealed, m.created_at as CreatedAt, m.read_at as ReadAt
            from case_messages m left join accounts a on a.id = m.author_account_id where m.report_id = @id order by m.id;

            select r.queue, r.from_queue as FromQueue, r.reason as Sealed, a.display_name as ReferredBy, r.referred_at as ReferredAt
            from referrals r join accounts a on a.id = r.referred_by where r.report_id = @id order by r.id;

            select kind, queue, status, attempts, created_at as CreatedAt, sent_at as SentAt, failed_at as FailedAt
            from mail_deliveries where report_id = @id order by id;

            select l.at, l.action, actor.display_name as Actor, subject.display_name as Subject, l.detail
            from audit_log l
            left join accounts actor on actor.id = l.actor_account_id
            left join accounts subject on subject.id = l.subject_account_id
            where l.report_id = @id order by l.id desc limit @HistoryLength;

            select distinct a.id, a.display_name as DisplayName
            from case_queues cq join account_queues aq on aq.queue = cq.queue join accounts a on a.id = aq.account_id
            where cq.report_id = @id and a.enrolled_at is not null and a.disabled_at is null
            order by a.display_name, a.id;

            select other.reference, other.received_at as ReceivedAt, c.status,
                   exists (select 1 from case_queues cq join account_queues aq on aq.queue = cq.queue
                           where cq.report_id = other.id and aq.account_id = @accountId) as MayOpen,
                   count(*) over () as Total
            from reports r
            join reports other on other.link_fingerprints && r.link_fingerprints and other.id <> r.id
                and other.received_at between r.received_at - @Window and r.received_at + @Window
            join cases c on c.report_id = other.id
            where r.id = @id
            order by other.received_at desc, other.id desc limit @LinkedShown;
            """, new { id, HistoryLength, accountId, linking.Value.Window, LinkedShown }, cancellationToken: cancellationToken));
        return new CaseView
        {
            Report = report,
            Case = await rows.ReadSingleAsync<CaseView.State>(),
            IsSupervisor = access.IsSupervisor,
            Queues = (await rows.ReadAsync<CaseView.Queue>()).ToList(),
            Notes = (await rows.ReadAsync<SealedNote>())
                .Select(note => new CaseView.Note(note.Author, Open(key, note.Sealed, SealedPurpose.CaseNote), note.CreatedAt)).ToList(),
            Messages = (await rows.ReadAsync<SealedMessage>()).Select(message =>
            {
                var content = key?.Open<MessageContent>(message.Sealed, SealedPurpose.CaseMessage) ?? new MessageContent("", []);
                return new CaseView.Message
                {
                    Id = message.Id, Direction = message.Direction, Author = message.Author, Body = content.Body, Urls = content.Urls,
                    CreatedAt = message.CreatedAt, ReadAt = message.ReadAt,
                };
            }).ToList(),
            Referrals = (await rows.ReadAsync<SealedReferral>()).Select(referral => new CaseView.Referral(referral.Queue,
                referral.FromQueue, Open(key, referral.Sealed, SealedPurpose.ReferralReason), referral.ReferredBy, referral.ReferredAt)).ToList(),
            MailSent = (await rows.ReadAsync<CaseView.Mail>()).ToList(),
            History = (await rows.ReadAsync<CaseView.HistoryLine>()).ToList(),
            Responders = (await rows.ReadAsync<CaseView.Responder>()).ToList(),
            Linked = Linked((await rows.ReadAsync<LinkedRow>()).ToList()),
        };
    }

    private static string Open(ReportKey? key, byte[]? text, SealedPurpose purpose) =>
        key is not null && text is not null ? key.OpenText(text, purpose) : "";

    // A case outside the viewer's queues shows its reference and when it came, never its status.
    private static CaseView.LinkedCases Linked(List<LinkedRow> rows) =>
        new(rows.Select(other => new CaseView.LinkedCase(other.Reference, other.ReceivedAt, other.MayOpen ? other.Status : null)).ToList(),
            (int)(rows.FirstOrDefault()?.Total ?? 0));

    private sealed record LinkedRow(string Reference, DateTime ReceivedAt, CaseStatus Status, bool MayOpen, long Total);

    private sealed record SealedNote(string Author, byte[] Sealed, DateTime CreatedAt);

    private sealed record SealedMessage(long Id, MessageDirection Direction, string? Author, byte[] Sealed, DateTime CreatedAt, DateTime? ReadAt);

    private sealed record SealedReferral(string Queue, string? FromQueue, byte[]? Sealed, string ReferredBy, DateTime ReferredAt);
}
