using System.Runtime.ExceptionServices;
using Dapper;
using Npgsql;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Email;

/// <summary>
/// Records emails as sent for every sender of this process together (a group commit): a sender that finds no statement
/// running runs one itself, on its own thread, for its email and every other accepted meanwhile; a sender that finds one
/// running waits, and its email goes into the next. So a sender waits about one round trip, not a round trip per email
/// in a queue of them, and no thread but the senders' own takes part (handing each email to another thread and back cost
/// more than the statement).
/// </summary>
public sealed class SentMailRecorder(NpgsqlDataSource database)
{
    private readonly object _gate = new();
    private readonly List<Accepted> _waiting = [];
    private bool _recording;

    /// <summary>Returns once the email is recorded as sent; throws when the statement that held it failed.</summary>
    public void Record(long deliveryId)
    {
        var accepted = new Accepted(deliveryId);
        List<Accepted> batch;
        lock (_gate)
        {
            _waiting.Add(accepted);
            while (true)
            {
                if (accepted.Done)
                {
                    if (accepted.Failure is not null)
                        ExceptionDispatchInfo.Throw(accepted.Failure);
                    return;
                }
                if (!_recording)
                    break;
                Monitor.Wait(_gate);
            }
            _recording = true;
            batch = [.. _waiting];
            _waiting.Clear();
        }

        Exception? failure = null;
        try
        {
            using var connection = database.OpenConnection();
            connection.Execute("""
                update mail_deliveries
                set status = @Sent, sent_at = now(), attempts = attempts + 1, claimed_until = null, claim_token = null,
                    last_error = null
                where id = any(@ids)
                """, new { ids = batch.Select(email => email.DeliveryId).ToArray(), Sent = DeliveryStatus.Sent.Stored() });
        }
        catch (Exception exception)
        {
            failure = exception;
        }
        lock (_gate)
        {
            foreach (var email in batch)
            {
                email.Failure = failure;
                email.Done = true;
            }
            _recording = false;
            // The senders whose email was in this statement return; of the others, one runs the next.
            Monitor.PulseAll(_gate);
        }
        if (failure is not null)
            ExceptionDispatchInfo.Throw(failure);
    }

    private sealed class Accepted(long deliveryId)
    {
        public long DeliveryId { get; } = deliveryId;
        public bool Done { get; set; }
        public Exception? Failure { get; set; }
    }
}
