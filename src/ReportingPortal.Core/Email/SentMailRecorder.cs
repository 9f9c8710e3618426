using System.Threading.Channels;
using Dapper;
using Npgsql;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Email;

/// <summary>
/// Records emails as sent for every sender of this process together: whatever was accepted while the previous
/// statement ran goes into the next one (a group commit), so a sender waits about one round trip, not a round trip
/// per email in a queue of them.
/// </summary>
public sealed class SentMailRecorder : IAsyncDisposable
{
    private readonly NpgsqlDataSource _database;
    private readonly Channel<(long DeliveryId, TaskCompletionSource Recorded)> _accepted =
        Channel.CreateUnbounded<(long, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _recording;

    public SentMailRecorder(NpgsqlDataSource database)
    {
        _database = database;
        _recording = Task.Run(RecordWhatWasAccepted);
    }

    /// <summary>Completes once the email is recorded as sent; fails when the statement that held it failed.</summary>
    public Task Record(long deliveryId)
    {
        var recorded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_accepted.Writer.TryWrite((deliveryId, recorded)))
            recorded.SetException(new ObjectDisposedException(nameof(SentMailRecorder)));
        return recorded.Task;
    }

    private async Task RecordWhatWasAccepted()
    {
        var batch = new List<(long DeliveryId, TaskCompletionSource Recorded)>();
        while (await _accepted.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (_accepted.Reader.TryRead(out var email))
                batch.Add(email);
            try
            {
                await using var connection = await _database.OpenConnectionAsync();
                await connection.ExecuteAsync("""
                    update mail_deliveries
                    set status = @Sent, sent_at = now(), attempts = attempts + 1, claimed_until = null, claim_token = null,
                        last_error = null
                    where id = any(@ids)
                    """, new { ids = batch.Select(email => email.DeliveryId).ToArray(), Sent = DeliveryStatus.Sent.Stored() });
                foreach (var email in batch)
                    email.Recorded.SetResult();
            }
            catch (Exception exception)
            {
                foreach (var email in batch)
                    email.Recorded.SetException(exception);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _accepted.Writer.TryComplete();
        await _recording;
    }
}
