using Dapper;
using Npgsql;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Email;

/// <summary>The lease on emails handed out under a token (claimed_until, claim_token).</summary>
public static class MailLease
{
    /// <summary>
    /// Gives back those of the emails still pending under <paramref name="token"/>, to be handed out again at the next
    /// poll rather than when their lease ends. When the database is away too, the lease ends by itself.
    /// </summary>
    public static async Task GiveBack(NpgsqlDataSource database, long[] deliveryIds, Guid token)
    {
        try
        {
            await using var connection = await database.OpenConnectionAsync();
            await connection.ExecuteAsync("""
                update mail_deliveries set claimed_until = null, claim_token = null
                where id = any(@deliveryIds) and claim_token = @token and status = @Pending
                """, new { deliveryIds, token, Pending = DeliveryStatus.Pending.Stored() });
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
        }
    }
}
