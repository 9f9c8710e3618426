using System.Globalization;
using Dapper;
using Npgsql;
using ReportingPortal.Core.Encryption;

namespace ReportingPortal.Core.Forwarding;

/// <summary>What the referral email says about the referral: who referred the case, from which queue, when and why.</summary>
public sealed record ReferralForMail(string Queue, string? FromQueue, string ReferredBy, string Reason, DateTime ReferredAt)
{
    /// <summary>The referral a Referral email is about, its reason unsealed; its topic is the referral's id.</summary>
    public static async Task<ReferralForMail> Load(NpgsqlConnection connection, KeyRing keys, string? topic, CancellationToken cancellationToken)
    {
        if (!long.TryParse(topic, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            throw new InvalidOperationException("A referral email's topic is not a referral id.");
        var row = await connection.QuerySingleAsync<Row>(new CommandDefinition("""
            select f.queue, f.from_queue as FromQueue, a.display_name as ReferredBy, f.reason, f.referred_at as ReferredAt,
                   r.reference, r.key_id as KeyId, r.data_key as DataKey
            from referrals f join accounts a on a.id = f.referred_by join reports r on r.id = f.report_id where f.id = @id
            """, new { id }, cancellationToken: cancellationToken));
        var reason = row is { Reason: not null, DataKey: not null }
            ? keys.Open(row.Reference, row.KeyId!, row.DataKey).OpenText(row.Reason, SealedPurpose.ReferralReason)
            : "";
        return new ReferralForMail(row.Queue, row.FromQueue, row.ReferredBy, reason, row.ReferredAt);
    }

    private sealed record Row(string Queue, string? FromQueue, string ReferredBy, byte[]? Reason, DateTime ReferredAt,
        string Reference, string? KeyId, byte[]? DataKey);
}
