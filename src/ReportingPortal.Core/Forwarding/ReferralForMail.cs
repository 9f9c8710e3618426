using System.Globalization;
using Dapper;
using Npgsql;

namespace ReportingPortal.Core.Forwarding;

/// <summary>What the referral email says about the referral: who referred the case, from which queue, when and why.</summary>
public sealed record ReferralForMail(string Queue, string? FromQueue, string ReferredBy, string Reason, DateTime ReferredAt)
{
    /// <summary>The referral a Referral email is about; its topic is the referral's id.</summary>
    public static async Task<ReferralForMail> Load(NpgsqlConnection connection, string? topic, CancellationToken cancellationToken) =>
        long.TryParse(topic, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await connection.QuerySingleAsync<ReferralForMail>(new CommandDefinition("""
                select r.queue, r.from_queue as FromQueue, a.display_name as ReferredBy, r.reason, r.referred_at as ReferredAt
                from referrals r join accounts a on a.id = r.referred_by where r.id = @id
                """, new { id }, cancellationToken: cancellationToken))
            : throw new InvalidOperationException("A referral email's topic is not a referral id.");
}
